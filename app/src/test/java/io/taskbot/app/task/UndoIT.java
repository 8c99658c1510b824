package io.taskbot.app.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import io.taskbot.app.support.V1Users;
import io.taskbot.app.support.V1Users.V1User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Undo over HTTP in contracts 000 and 004: each kind of change, deletion, repeated undo, ownership, nothing left. */
@TaskbotApp
class UndoIT {

    static ApiClient client;

    User ada;
    User bea;
    V1User alice;
    V1User bob;

    @BeforeAll
    static void connect(RunningApp running) {
        client = running.client();
    }

    @BeforeEach
    void registerUsers() {
        ada = Users.register(client, "undo");
        bea = Users.register(client, "undo");
        alice = V1Users.register(client, "undo");
        bob = V1Users.register(client, "undo");
    }

    private long create004(Map<String, Object> body) {
        Response response = client.post("/v1/tasks", alice.token(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().at("/data/id").asLong();
    }

    private void update004(long id, Map<String, Object> body) {
        Response response = client.put("/v1/tasks/" + id, alice.token(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private JsonNode undo004(long id) {
        Response response = client.post("/v1/tasks/" + id + "/undo", alice.token(), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        return response.json().get("data");
    }

    private long create000(Map<String, Object> body) {
        Response response = client.post("/api/v1/tasks", ada.token(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private JsonNode undo000(long id) {
        Response response = client.post("/api/v1/tasks/" + id + "/undo", ada.token(), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void undoesEachKindOfChangeInContract004() {
        long id = create004(Map.of("title", "Buy bread", "description", "rye", "priority", "low",
                "due_date", "2026-12-24", "tags", List.of("home")));
        Map<String, Object> recurrence = new HashMap<>();
        recurrence.put("recurrence", "FREQ=WEEKLY");
        List<Map<String, Object>> changes = List.of(Map.of("title", "Buy rolls"), Map.of("description", "spelt"),
                Map.of("priority", "urgent"), Map.of("due_date", "2027-01-06"), Map.of("tags", List.of("shop")),
                Map.of("completed", true), recurrence);
        for (Map<String, Object> change : changes) {
            update004(id, change);
        }

        assertThat(undo004(id).get("recurrence").isNull()).isTrue();
        assertThat(undo004(id).get("completed").asBoolean()).isFalse();
        assertThat(undo004(id).get("tags").get(0).asText()).isEqualTo("home");
        assertThat(undo004(id).get("due_date").asText()).isEqualTo("2026-12-24");
        assertThat(undo004(id).get("priority").asText()).isEqualTo("low");
        assertThat(undo004(id).get("description").asText()).isEqualTo("rye");
        assertThat(undo004(id).get("title").asText()).isEqualTo("Buy bread");

        Response nothingLeft = client.post("/v1/tasks/" + id + "/undo", alice.token(), Map.of());
        assertThat(nothingLeft.status()).as(nothingLeft.body()).isEqualTo(409);
        assertThat(nothingLeft.json().at("/error/code").asText()).isEqualTo("NOTHING_TO_UNDO");
        assertThat(nothingLeft.json().at("/error/message").asText()).contains("no change left to undo");
    }

    @Test
    void theHistoryKeepsEverythingAndMarksEachUndo() {
        long id = create004(Map.of("title", "Buy bread"));
        update004(id, Map.of("title", "Buy rolls"));
        undo004(id);

        Response history = client.get("/v1/tasks/" + id + "/history", alice.token());
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode entries = history.json().get("data");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(1).at("/changes/title").asText()).isEqualTo("Buy rolls");
        assertThat(entries.get(1).get("undoes").isNull()).isTrue();
        assertThat(entries.get(2).get("type").asText()).isEqualTo("task.renamed");
        assertThat(entries.get(2).at("/changes/title").asText()).isEqualTo("Buy bread");
        assertThat(entries.get(2).get("undoes").asLong()).isEqualTo(1);
    }

    @Test
    void undoingADeletionBringsTheTaskBackInContract000() {
        long id = create000(Map.of("title", "Call mom", "priority", "high"));
        assertThat(client.delete("/api/v1/tasks/" + id, ada.token()).status()).isEqualTo(204);
        assertThat(client.get("/api/v1/tasks/" + id, ada.token()).status()).isEqualTo(404);

        JsonNode restored = undo000(id);

        assertThat(restored.get("title").asText()).isEqualTo("Call mom");
        assertThat(restored.get("priority").asText()).isEqualTo("high");
        assertThat(client.get("/api/v1/tasks/" + id, ada.token()).status()).isEqualTo(200);
        JsonNode history = client.get("/api/v1/tasks/" + id + "/history", ada.token()).json();
        assertThat(history.get(1).get("type").asText()).isEqualTo("task.deleted");
        assertThat(history.get(2).get("type").asText()).isEqualTo("task.restored");
        assertThat(history.get(2).get("undoes").asLong()).isEqualTo(1);
    }

    @Test
    void repeatedUndoWalksFurtherBackInContract000() {
        long id = create000(Map.of("title", "Draft"));
        client.put("/api/v1/tasks/" + id, ada.token(), Map.of("title", "Second draft"));
        client.put("/api/v1/tasks/" + id, ada.token(), Map.of("status", "completed"));
        client.put("/api/v1/tasks/" + id, ada.token(), Map.of("title", "Final"));

        assertThat(undo000(id).get("title").asText()).isEqualTo("Second draft");
        assertThat(undo000(id).get("status").asText()).isEqualTo("pending");
        assertThat(undo000(id).get("title").asText()).isEqualTo("Draft");

        Response nothingLeft = client.post("/api/v1/tasks/" + id + "/undo", ada.token(), Map.of());
        assertThat(nothingLeft.status()).as(nothingLeft.body()).isEqualTo(409);
        assertThat(nothingLeft.json().get("detail").asText()).contains("no change left to undo");
    }

    @Test
    void anUndoOfARecurringCompletionPutsTheDueDateBack() {
        long id = create004(Map.of("title", "Plants", "due_date", "2026-12-01", "recurrence", "FREQ=DAILY"));
        Response completed = client.patch("/v1/tasks/" + id + "/complete", alice.token(), Map.of("completed", true));
        assertThat(completed.json().at("/data/due_date").asText()).isEqualTo("2026-12-02");

        assertThat(undo004(id).get("due_date").asText()).isEqualTo("2026-12-01");
    }

    @Test
    void aNewTaskHasNothingToUndo() {
        long v1 = create004(Map.of("title", "Fresh"));
        Response v1Answer = client.post("/v1/tasks/" + v1 + "/undo", alice.token(), Map.of());
        assertThat(v1Answer.status()).as(v1Answer.body()).isEqualTo(409);
        assertThat(v1Answer.json().get("success").asBoolean(true)).isFalse();

        long api = create000(Map.of("title", "Fresh"));
        Response apiAnswer = client.post("/api/v1/tasks/" + api + "/undo", ada.token(), Map.of());
        assertThat(apiAnswer.status()).as(apiAnswer.body()).isEqualTo(409);
        assertThat(apiAnswer.json().get("detail").asText()).isNotBlank();
    }

    @Test
    void onlyTheOwnerMayUndoAndSomeoneElsesTaskStaysAsItIs() {
        long v1 = create004(Map.of("title", "Alice's"));
        update004(v1, Map.of("title", "Alice's, renamed"));
        Response forbidden = client.post("/v1/tasks/" + v1 + "/undo", bob.token(), Map.of());
        assertThat(forbidden.status()).as(forbidden.body()).isEqualTo(403);
        assertThat(forbidden.json().at("/error/code").asText()).isEqualTo("FORBIDDEN");

        long api = create000(Map.of("title", "Ada's"));
        client.put("/api/v1/tasks/" + api, ada.token(), Map.of("title", "Ada's, renamed"));
        Response notFound = client.post("/api/v1/tasks/" + api + "/undo", bea.token(), Map.of());
        assertThat(notFound.status()).as(notFound.body()).isEqualTo(404);
        assertThat(notFound.json().get("detail").asText()).isEqualTo("Task not found");

        assertThat(client.get("/v1/tasks/" + v1, alice.token()).json().at("/data/title").asText())
                .isEqualTo("Alice's, renamed");
        assertThat(client.get("/api/v1/tasks/" + api, ada.token()).json().get("title").asText())
                .isEqualTo("Ada's, renamed");
    }

    @Test
    void anUnknownTaskIsNotFound() {
        assertThat(client.post("/v1/tasks/999999999/undo", alice.token(), Map.of()).status()).isEqualTo(404);
        assertThat(client.post("/api/v1/tasks/999999999/undo", ada.token(), Map.of()).status()).isEqualTo(404);
        assertThat(client.post("/api/v1/tasks/0/undo", ada.token(), Map.of()).status()).isEqualTo(404);
    }
}
