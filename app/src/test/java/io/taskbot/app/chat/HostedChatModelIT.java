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
 * {@code taskbot.chat.provider=openai} against a local fake of an OpenAI-compatible endpoint: the requests carry the
 * five tools and the key, the fake's tool calls run as the user, and a failing endpoint is a 503 that keeps the
 * user's message.
 */
class HostedChatModelIT {

    @TempDir
    static Path dataDir;
    static FakeModelServer fake;
    static RunningApp app;
    static ApiClient client;

    @BeforeAll
    static void start() {
        fake = new FakeModelServer("/v1/chat/completions", HostedChatModelIT::complete,
                "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
        app = RunningApp.start(dataDir, Map.of(
                "taskbot.rate-limits.enabled", "false",
                "taskbot.chat.provider", "openai",
                "taskbot.chat.base-url", fake.baseUrl() + "/v1",
                "taskbot.chat.api-key", "test-key",
                "taskbot.chat.model", "fake-model",
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
    private static String complete(JsonNode request) {
        JsonNode last = request.get("messages").get(request.get("messages").size() - 1);
        String message = last.get("role").asText().equals("tool")
                ? "{\"role\":\"assistant\",\"content\":\"I've added it to your list.\"}"
                : "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_abc\",\"type\":\"function\","
                + "\"function\":{\"name\":\"create_todo\",\"arguments\":\"{\\\"title\\\":\\\"buy groceries\\\","
                + "\\\"priority\\\":\\\"high\\\"}\"}}]}";
        String finish = last.get("role").asText().equals("tool") ? "stop" : "tool_calls";
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake-model\","
                + "\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\"" + finish + "\"}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";
    }

    @Test
    void drivesTheToolLoopOverTheOpenAiWireFormat() {
        User user = Users.register(client, "hosted");

        Response response = client.post("/api/chat", user.token(), Map.of("message", "I need groceries, it's urgent"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("response").asText()).isEqualTo("I've added it to your list.");
        JsonNode call = answer.get("tool_calls").get(0);
        assertThat(call.get("type").asText()).isEqualTo("create_todo");
        assertThat(call.get("params").get("title").asText()).isEqualTo("buy groceries");
        assertThat(call.get("result").get("priority").asText()).isEqualTo("high");
        assertThat(client.get("/api/v1/tasks", user.token()).json().findValuesAsText("title"))
                .containsExactly("buy groceries");

        assertThat(fake.requests()).hasSize(2);
        JsonNode first = fake.requests().get(0);
        assertThat(first.get("model").asText()).isEqualTo("fake-model");
        assertThat(first.get("tools").findValuesAsText("name"))
                .containsExactlyInAnyOrder("create_todo", "update_todo", "delete_todo", "get_todos", "search_todos",
                        "complete_todos", "undo_todo");
        assertThat(first.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(first.get("messages").get(0).get("content").asText()).contains("<tasks>");
        JsonNode toolResult = fake.requests().get(1).get("messages").get(fake.requests().get(1).get("messages").size() - 1);
        assertThat(toolResult.get("role").asText()).isEqualTo("tool");
        assertThat(toolResult.get("tool_call_id").asText()).isEqualTo("call_abc");
        assertThat(toolResult.get("content").asText()).contains("\"title\":\"buy groceries\"");
        assertThat(fake.authorizations()).allMatch("Bearer test-key"::equals);
    }

    @Test
    void aFailingModelIsServiceUnavailableAndKeepsTheUsersMessage() {
        User user = Users.register(client, "outage");
        fake.failNext(10);

        Response response = client.post("/api/chat", user.token(), Map.of("message", "add call mom"));

        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.json().get("error").get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(response.body()).doesNotContain("overloaded").doesNotContain("test-key");
        JsonNode history = client.get("/api/v1/messages/history", user.token()).json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("content").asText()).isEqualTo("add call mom");
        assertThat(history.get(0).get("role").asText()).isEqualTo("user");
        assertThat(client.get("/api/v1/tasks", user.token()).json()).isEmpty();

        Response fromContract000 = client.post("/api/v1/messages", user.token(), Map.of("content", "hello?"));
        assertThat(fromContract000.status()).isEqualTo(503);
        assertThat(fromContract000.json().get("detail").asText()).isNotBlank();
    }
}
