package io.taskbot.app.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.FakeModelServer;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code taskbot.chat.provider=ollama} against a local fake of Ollama's {@code /api/chat}: the requests carry the
 * five tools in Ollama's shape (arguments as a JSON object, not a string), the fake's tool call runs as the user and
 * its result goes back as a {@code tool} message, and a failing server is a 503 that keeps the user's message.
 */
class OllamaChatModelIT {

    @TempDir
    static Path dataDir;
    static FakeModelServer fake;
    static RunningApp app;
    static ApiClient client;

    @BeforeAll
    static void start() {
        fake = new FakeModelServer("/api/chat", OllamaChatModelIT::chat, "{\"error\":\"model is overloaded\"}");
        app = RunningApp.start(dataDir, Map.of(
                "taskbot.rate-limits.enabled", "false",
                "taskbot.chat.provider", "ollama",
                "taskbot.chat.base-url", fake.baseUrl(),
                "taskbot.chat.model", "fake-llama",
                "taskbot.chat.timeout", "5s"));
        client = app.client();
    }

    @AfterAll
    static void stop() {
        app.close();
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.reset();
    }

    /** Asks for create_todo on a new user message, and answers in words once it sees the tool's result. */
    private static String chat(JsonNode request) {
        JsonNode last = request.get("messages").get(request.get("messages").size() - 1);
        boolean afterTool = last.get("role").asText().equals("tool");
        String message = afterTool
                ? "{\"role\":\"assistant\",\"content\":\"Done, it's on your list.\"}"
                : "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"create_todo\","
                + "\"arguments\":{\"title\":\"water the plants\",\"priority\":\"low\",\"tags\":[\"home\"]}}}]}";
        return "{\"model\":\"fake-llama\",\"created_at\":\"2026-12-01T10:00:00Z\",\"message\":" + message
                + ",\"done_reason\":\"stop\",\"done\":true,\"total_duration\":1000,\"prompt_eval_count\":12,"
                + "\"eval_count\":6}";
    }

    @Test
    void drivesTheToolLoopOverOllamasWireFormat() {
        User user = Users.register(client, "ollama");

        Response response = client.post("/api/chat", user.token(), Map.of("message", "the plants need water"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("response").asText()).isEqualTo("Done, it's on your list.");
        JsonNode call = answer.get("tool_calls").get(0);
        assertThat(call.get("type").asText()).isEqualTo("create_todo");
        assertThat(call.get("params").get("title").asText()).isEqualTo("water the plants");
        assertThat(call.get("result").get("priority").asText()).isEqualTo("low");
        assertThat(client.get("/api/v1/tasks", user.token()).json().findValuesAsText("title"))
                .containsExactly("water the plants");

        assertThat(fake.requests()).hasSize(2);
        JsonNode first = fake.requests().get(0);
        assertThat(first.get("model").asText()).isEqualTo("fake-llama");
        assertThat(first.get("stream").asBoolean()).isFalse();
        assertThat(first.get("tools").findValuesAsText("name"))
                .containsExactlyInAnyOrder("create_todo", "update_todo", "delete_todo", "get_todos", "search_todos",
                        "complete_todos", "undo_todo");
        assertThat(first.get("tools").get(0).get("type").asText()).isEqualTo("function");
        assertThat(first.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(first.get("messages").get(0).get("content").asText()).contains("<tasks>");
        assertThat(first.get("messages").get(1).get("content").asText()).isEqualTo("the plants need water");
        JsonNode second = fake.requests().get(1).get("messages");
        JsonNode assistantCall = second.get(second.size() - 2);
        assertThat(assistantCall.get("role").asText()).isEqualTo("assistant");
        assertThat(assistantCall.get("tool_calls").get(0).get("function").get("arguments").isObject()).isTrue();
        JsonNode toolResult = second.get(second.size() - 1);
        assertThat(toolResult.get("role").asText()).isEqualTo("tool");
        assertThat(toolResult.get("content").asText()).contains("\"title\":\"water the plants\"");
    }

    @Test
    void aFailingOllamaIsServiceUnavailableAndKeepsTheUsersMessage() {
        User user = Users.register(client, "ollama-down");
        fake.failNext(10);

        Response response = client.post("/api/chat", user.token(), Map.of("message", "add call mom"));

        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.json().get("error").get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(response.body()).doesNotContain("overloaded");
        JsonNode history = client.get("/api/v1/messages/history", user.token()).json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("content").asText()).isEqualTo("add call mom");
        assertThat(client.get("/api/v1/tasks", user.token()).json()).isEmpty();
    }
}
