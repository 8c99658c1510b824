package io.taskbot.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import io.taskbot.app.support.V1Users;
import io.taskbot.app.support.V1Users.V1User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit over HTTP: a task's history in both contracts, its state at past instants, who may see them, and that
 * both survive the task's deletion.
 */
@TaskbotApp
class TaskAuditIT {

    static ApiClient client;

    @BeforeAll
    static void connect(ApiClient api) {
        client = api;
    }

    private static JsonNode ok(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    private static String asOf(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void theHistoryTellsEveryChangeOldestFirstWithWhoWhenHowAndWhat() {
        User user = Users.register(client, "auditor");
        JsonNode created = ok(client.post("/api/v1/tasks", user.token(), Map.of("title", "Call mom",
                "priority", "high", "due_date", "2026-12-24", "tags", List.of("Family"))), 201);
        long id = created.get("id").asLong();
        ok(client.put("/api/v1/tasks/" + id, user.token(), Map.of("title", "Call mom and dad", "priority", "low")),
                200);
        ok(client.put("/api/v1/tasks/" + id, user.token(), Map.of("due_date", "")), 200);
        ok(client.put("/api/v1/tasks/" + id, user.token(), Map.of("status", "completed")), 200);

        JsonNode history = ok(client.get("/api/v1/tasks/" + id + "/history", user.token()), 200);

        assertThat(types(history)).containsExactly("task.created", "task.renamed", "task.priority_changed",
                "task.due_date_changed", "task.completed");
        JsonNode creation = history.get(0);
        assertThat(creation.get("timestamp").asText()).isEqualTo(created.get("created_at").asText());
        assertThat(creation.get("actor").asLong()).isEqualTo(user.id());
        assertThat(creation.get("channel").asText()).isEqualTo("api-v1");
        assertThat(creation.get("changes").get("title").asText()).isEqualTo("Call mom");
        assertThat(creation.get("changes").get("priority").asText()).isEqualTo("high");
        assertThat(creation.get("changes").get("status").asText()).isEqualTo("pending");
        assertThat(creation.get("changes").get("due_date").asText()).isEqualTo("2026-12-24");
        assertThat(creation.get("changes").get("tags").get(0).asText()).isEqualTo("family");
        assertThat(history.get(1).get("changes").toString()).isEqualTo("{\"title\":\"Call mom and dad\"}");
        assertThat(history.get(1).get("timestamp").asText()).as("one update, one request time")
                .isEqualTo(history.get(2).get("timestamp").asText());
        assertThat(history.get(2).get("changes").toString()).isEqualTo("{\"priority\":\"low\"}");
        assertThat(history.get(3).get("changes").toString()).as("a removed due date is an explicit null")
                .isEqualTo("{\"due_date\":null}");
        assertThat(history.get(4).get("changes").toString()).isEqualTo("{\"status\":\"completed\"}");
        for (JsonNode entry : history) {
            assertThat(entry.fieldNames()).toIterable()
                    .containsExactly("type", "timestamp", "actor", "channel", "changes", "undoes");
        }
    }

    @Test
    void contract004ShowsTheSameHistoryInItsEnvelopeWithItsUserIdsAndEveryChannel() {
        V1User user = V1Users.register(client, "auditor4");
        long id = ok(client.post("/v1/tasks", user.token(), Map.of("title", "Pay rent")), 201).at("/data/id")
                .asLong();
        ok(client.patch("/v1/tasks/" + id + "/complete", user.token(), Map.of("completed", true)), 200);
        // one account works on every contract: the same task changed through contract 000
        ok(client.put("/api/v1/tasks/" + id, user.token(), Map.of("title", "Pay the rent")), 200);

        JsonNode body = ok(client.get("/v1/tasks/" + id + "/history", user.token()), 200);

        assertThat(body.get("success").asBoolean()).isTrue();
        JsonNode history = body.get("data");
        assertThat(types(history)).containsExactly("task.created", "task.completed", "task.renamed");
        assertThat(history.get(0).get("actor").asText()).isEqualTo(user.id());
        assertThat(history.get(0).get("channel").asText()).isEqualTo("v1");
        assertThat(history.get(1).get("channel").asText()).isEqualTo("v1");
        assertThat(history.get(2).get("channel").asText()).isEqualTo("api-v1");
        assertThat(history.get(2).get("actor").asText()).isEqualTo(user.id());
    }

    @Test
    void aChangeMadeInAChatNamesItsConversation() {
        User user = Users.register(client, "talker");
        JsonNode reply = ok(client.post("/api/chat", user.token(), Map.of("message", "remind me to water the plants")),
                200);
        String conversation = reply.get("conversation_id").asText();
        long id = reply.at("/tool_calls/0/result/id").asLong();

        JsonNode history = ok(client.get("/api/v1/tasks/" + id + "/history", user.token()), 200);

        assertThat(types(history)).containsExactly("task.created");
        assertThat(history.get(0).get("channel").asText()).isEqualTo("chat:" + conversation);
        assertThat(history.get(0).get("actor").asLong()).isEqualTo(user.id());
    }

    @Test
    void onlyTheOwnerSeesTheHistoryOrThePast() {
        User owner = Users.register(client, "owner");
        User stranger = Users.register(client, "stranger");
        V1User v1Stranger = V1Users.register(client, "stranger4");
        long id = ok(client.post("/api/v1/tasks", owner.token(), Map.of("title", "secret")), 201).get("id").asLong();
        String now = asOf(Instant.now());

        Response foreign000 = client.get("/api/v1/tasks/" + id + "/history", stranger.token());
        assertThat(foreign000.status()).isEqualTo(404);
        assertThat(foreign000.json().get("detail").asText()).isEqualTo("Task not found");
        assertThat(client.get("/api/v1/tasks/" + id + "?as_of=" + now, stranger.token()).status()).isEqualTo(404);

        Response foreign004 = client.get("/v1/tasks/" + id + "/history", v1Stranger.token());
        assertThat(foreign004.status()).isEqualTo(403);
        assertThat(foreign004.json().at("/error/code").asText()).isEqualTo("FORBIDDEN");
        assertThat(client.get("/v1/tasks/" + id + "?as_of=" + now, v1Stranger.token()).status()).isEqualTo(403);

        for (String path : List.of("/api/v1/tasks/999999/history", "/api/v1/tasks/999999?as_of=" + now)) {
            assertThat(client.get(path, owner.token()).status()).as(path).isEqualTo(404);
        }
        Response unknown004 = client.get("/v1/tasks/999999/history", v1Stranger.token());
        assertThat(unknown004.status()).isEqualTo(404);
        assertThat(unknown004.json().at("/error/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(client.get("/api/v1/tasks/" + id + "/history", null).status()).isEqualTo(401);
    }

    @Test
    void aDeletedTasksHistoryAndPastStayReadableByItsOwner() {
        User user = Users.register(client, "deleter");
        JsonNode created = ok(client.post("/api/v1/tasks", user.token(), Map.of("title", "Old plan")), 201);
        long id = created.get("id").asLong();
        assertThat(client.delete("/api/v1/tasks/" + id, user.token()).status()).isEqualTo(204);

        JsonNode history = ok(client.get("/api/v1/tasks/" + id + "/history", user.token()), 200);
        assertThat(types(history)).containsExactly("task.created", "task.deleted");
        assertThat(history.get(1).get("changes").isEmpty()).isTrue();
        assertThat(client.get("/api/v1/tasks/" + id, user.token()).status()).isEqualTo(404);

        Instant createdAt = Instant.parse(created.get("created_at").asText());
        assertThat(ok(client.get("/api/v1/tasks/" + id + "?as_of=" + asOf(createdAt), user.token()), 200)
                .get("title").asText()).isEqualTo("Old plan");
        Instant deletedAt = Instant.parse(history.get(1).get("timestamp").asText());
        assertThat(client.get("/api/v1/tasks/" + id + "?as_of=" + asOf(deletedAt), user.token()).status())
                .as("deleted at that time").isEqualTo(404);
    }

    @Test
    void asOfShowsTheTaskAsItWasAtThatInstant() {
        User user = Users.register(client, "traveller");
        JsonNode created = ok(client.post("/api/v1/tasks", user.token(), Map.of("title", "Draft",
                "priority", "low")), 201);
        long id = created.get("id").asLong();
        JsonNode renamed = ok(client.put("/api/v1/tasks/" + id, user.token(), Map.of("title", "Report")), 200);
        JsonNode completed = ok(client.put("/api/v1/tasks/" + id, user.token(), Map.of("status", "completed")), 200);
        Instant createdAt = Instant.parse(created.get("created_at").asText());
        Instant renamedAt = Instant.parse(renamed.get("updated_at").asText());
        String path = "/api/v1/tasks/" + id + "?as_of=";

        assertThat(client.get(path + asOf(createdAt.minusMillis(1)), user.token()).status())
                .as("before it existed").isEqualTo(404);
        JsonNode atCreation = ok(client.get(path + asOf(createdAt), user.token()), 200);
        assertThat(atCreation.get("title").asText()).isEqualTo("Draft");
        assertThat(atCreation.get("status").asText()).isEqualTo("pending");
        assertThat(atCreation.get("updated_at").asText()).isEqualTo(created.get("updated_at").asText());
        JsonNode afterRename = ok(client.get(path + asOf(renamedAt), user.token()), 200);
        assertThat(afterRename.get("title").asText()).isEqualTo("Report");
        assertThat(afterRename.get("status").asText()).isEqualTo("pending");

        JsonNode now = ok(client.get("/api/v1/tasks/" + id, user.token()), 200);
        assertThat(ok(client.get(path + asOf(Instant.now()), user.token()), 200))
                .as("now, rebuilt from the events, is what the read model shows").isEqualTo(now).isEqualTo(completed);

        // an offset other than Z, with its + left unencoded (it arrives as a space)
        String plusTwo = renamedAt.atOffset(ZoneOffset.ofHours(2)).toString();
        assertThat(ok(client.get(path + plusTwo, user.token()), 200).get("title").asText()).isEqualTo("Report");

        JsonNode v1 = ok(client.get("/v1/tasks/" + id + "?as_of=" + asOf(createdAt), user.token()), 200);
        assertThat(v1.at("/data/title").asText()).isEqualTo("Draft");
        assertThat(v1.at("/data/completed").asBoolean()).isFalse();
    }

    @Test
    void aBadAsOfIsRefusedInTheContractsFormat() {
        User user = Users.register(client, "sloppy");
        long id = ok(client.post("/api/v1/tasks", user.token(), Map.of("title", "t")), 201).get("id").asLong();

        for (String bad : List.of("yesterday", "2026-13-01T00:00:00Z", "2026-03-01", "2026-03-01T10:00:00", "")) {
            Response refused = client.get("/api/v1/tasks/" + id + "?as_of=" + URLEncoder.encode(bad,
                    StandardCharsets.UTF_8), user.token());
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("detail").asText()).startsWith("as_of must be");

            Response refused004 = client.get("/v1/tasks/" + id + "?as_of=" + URLEncoder.encode(bad,
                    StandardCharsets.UTF_8), user.token());
            assertThat(refused004.status()).as(bad).isEqualTo(400);
            assertThat(refused004.json().get("success").asBoolean()).isFalse();
            assertThat(refused004.json().at("/error/code").asText()).isEqualTo("INVALID_INPUT");
        }
    }
}
