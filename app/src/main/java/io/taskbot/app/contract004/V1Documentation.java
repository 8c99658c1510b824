package io.taskbot.app.contract004;

import java.util.Map;

/**
 * What the {@code data} of each contract 004 answer holds, for the OpenAPI document: the controllers answer with
 * the generic {@link Envelope}, whose {@code data} the document would otherwise only call an object.
 */
public final class V1Documentation {

    /**
     * @param status the status of a successful answer
     * @param data   the type of {@code data}, or null when the answer has none (only {@code message})
     * @param list   whether {@code data} is a list of {@code data}
     */
    public record Success(int status, Class<?> data, boolean list) {
    }

    private static final Map<String, Success> SUCCESSES = Map.ofEntries(
            Map.entry("POST /v1/auth/register", new Success(201, V1AuthController.Session.class, false)),
            Map.entry("POST /v1/auth/login", new Success(200, V1AuthController.Session.class, false)),
            Map.entry("POST /v1/auth/logout", new Success(200, null, false)),
            Map.entry("GET /v1/auth/me", new Success(200, V1User.class, false)),
            Map.entry("GET /v1/tasks", new Success(200, V1TaskController.TaskList.class, false)),
            Map.entry("POST /v1/tasks", new Success(201, V1Task.class, false)),
            Map.entry("GET /v1/tasks/{taskId}", new Success(200, V1Task.class, false)),
            Map.entry("PUT /v1/tasks/{taskId}", new Success(200, V1Task.class, false)),
            Map.entry("PATCH /v1/tasks/{taskId}/complete", new Success(200, V1Task.class, false)),
            Map.entry("DELETE /v1/tasks/{taskId}", new Success(200, null, false)),
            Map.entry("POST /v1/tasks/{taskId}/undo", new Success(200, V1Task.class, false)),
            Map.entry("GET /v1/tasks/{taskId}/history", new Success(200, V1HistoryEntry.class, true)));

    private V1Documentation() {
    }

    /** Keyed by {@code "<METHOD> <path>"}, e.g. {@code "GET /v1/tasks/{taskId}"}. */
    public static Map<String, Success> successes() {
        return SUCCESSES;
    }
}
