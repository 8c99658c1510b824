package io.taskbot.app.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract 000's {@code /api/v1/messages} and its history, over HTTP. */
@TaskbotApp
class Contract000MessagesIT {

    static ApiClient client;

    @BeforeAll
    static void connect(ApiClient api) {
        client = api;
    }

    private static String say(User user, String content) {
        Response response = client.post("/api/v1/messages", user.token(), Map.of("content", content));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().size()).isEqualTo(1);
        return response.json().get("response").asText();
    }

    private static JsonNode history(User user, String query) {
        Response response = client.get("/api/v1/messages/history" + query, user.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void messagesContinueTheLatestConversation() {
        User user = Users.register(client, "talk");

        assertThat(say(user, "remind me to call the plumber")).containsIgnoringCase("call the plumber");
        assertThat(say(user, "make it high priority")).containsIgnoringCase("high");

        JsonNode task = client.get("/api/v1/tasks", user.token()).json().get(0);
        assertThat(task.get("title").asText()).isEqualTo("call the plumber");
        assertThat(task.get("priority").asText()).isEqualTo("high");
    }

    @Test
    void historyIsWhatWasSaidOldestFirst() {
        User user = Users.register(client, "history");
        say(user, "hi!");
        say(user, "add water the plants");

        JsonNode all = history(user, "");
        assertThat(all).hasSize(4);
        List<String> roles = new ArrayList<>();
        all.forEach(message -> roles.add(message.get("role").asText()));
        assertThat(roles).containsExactly("user", "assistant", "user", "assistant");
        assertThat(all.get(0).get("content").asText()).isEqualTo("hi!");
        assertThat(all.get(2).get("content").asText()).isEqualTo("add water the plants");
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).get("id").isIntegralNumber()).isTrue();
            assertThat(Instant.parse(all.get(i).get("timestamp").asText())).isNotNull();
            if (i > 0) {
                assertThat(all.get(i).get("id").asLong()).isGreaterThan(all.get(i - 1).get("id").asLong());
            }
        }
        assertThat(history(user, "?limit=2&offset=1")).extracting(message -> message.get("id").asLong())
                .containsExactly(all.get(1).get("id").asLong(), all.get(2).get("id").asLong());
    }

    @Test
    void historyOfOneConversationAndOfAll() {
        User user = Users.register(client, "convs");
        say(user, "add first thing");
        String first = client.post("/api/chat", user.token(), Map.of("message", "add second thing")).json()
                .get("conversation_id").asText();

        assertThat(history(user, "?conversation_id=" + first)).hasSize(2);
        assertThat(history(user, "")).hasSize(4);
        say(user, "add third thing");
        assertThat(history(user, "?conversation_id=" + first))
                .as("a message without conversation_id continues the most recent conversation").hasSize(4);
    }

    @Test
    void conversationsAreOnlyTheirOwners() {
        User alice = Users.register(client, "alice");
        User bob = Users.register(client, "bob");
        say(alice, "add alice's secret");
        String alices = client.post("/api/chat", alice.token(), Map.of("message", "hi")).json()
                .get("conversation_id").asText();

        assertThat(history(bob, "")).isEmpty();
        for (Response response : List.of(
                client.get("/api/v1/messages/history?conversation_id=" + alices, bob.token()),
                client.get("/api/v1/messages/history?conversation_id=conv_unknown", bob.token()),
                client.post("/api/v1/messages", bob.token(), Map.of("content", "hi", "conversation_id", alices)))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("detail").asText()).isEqualTo("Conversation not found");
        }
    }

    @Test
    void badBodiesAreAnInvalidMessageFormat() {
        User user = Users.register(client, "badmsg");
        for (Object body : List.of(Map.of(), Map.of("content", ""), Map.of("content", 5),
                Map.of("content", List.of("x")), Map.of("content", "x".repeat(4001)), "{\"content\": ", "[]")) {
            Response response = client.post("/api/v1/messages", user.token(), body);
            assertThat(response.status()).as(String.valueOf(body)).isEqualTo(400);
            assertThat(response.json().get("detail").asText()).as(String.valueOf(body))
                    .isEqualTo("Invalid message format");
        }
        assertThat(client.raw("POST", "/api/v1/messages", user.token(), "text/plain", "hello").json().get("detail")
                .asText()).isEqualTo("Invalid message format");
        assertThat(history(user, "")).isEmpty();
        assertThat(client.get("/api/v1/messages/history?limit=0", user.token()).status()).isEqualTo(400);
        assertThat(client.get("/api/v1/messages", null).status()).isEqualTo(401);
    }
}
