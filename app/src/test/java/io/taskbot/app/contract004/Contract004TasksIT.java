package io.taskbot.app.contract004;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.V1Users;
import io.taskbot.app.support.V1Users.V1User;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract 004's task endpoints over HTTP: every endpoint, every error code, paging, search and sorting. */
@TaskbotApp
class Contract004TasksIT {

    static RunningApp app;
    static ApiClient client;

    V1User alice;
    V1User bob;

    @BeforeAll
    static void connect(RunningApp running) {
        app = running;
        client = app.client();
    }

    @BeforeEach
    void registerUsers() {
        alice = V1Users.register(client, "alice");
        bob = V1Users.register(client, "bob");
    }

    private static JsonNode create(V1User user, Object body) {
        Response response = client.post("/v1/tasks", user.token(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("data");
    }

    private static long createTitled(V1User user, String title, String priority) {
        return create(user, Map.of("title", title, "priority", priority)).get("id").asLong();
    }

    private static JsonNode list(V1User user, String query) {
        Response response = client.get("/v1/tasks" + query, user.token());
        assertThat(response.status()).as(query + " -> " + response.body()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        return response.json().get("data");
    }

    private static List<String> titles(V1User user, String query) {
        List<String> titles = new ArrayList<>();
        list(user, query).get("tasks").forEach(task -> titles.add(task.get("title").asText()));
        return titles;
    }

    private static void assertError(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.get("success").asBoolean(true)).isFalse();
        assertThat(body.at("/error/code").asText()).isEqualTo(code);
        assertThat(body.at("/error/message").asText()).isNotBlank();
        assertThat(body.has("data")).isFalse();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("at org.");
    }

    @Test
    void createsATaskInTheEnvelope() {
        Response response = client.post("/v1/tasks", alice.token(),
                Map.of("title", "Complete project proposal", "description", "Finish and submit", "priority", "high"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        assertThat(response.json().get("message").asText()).isEqualTo("Task created successfully");
        JsonNode task = response.json().get("data");
        assertThat(task.get("id").isIntegralNumber()).isTrue();
        assertThat(task.get("user_id").asText()).isEqualTo(alice.id()).matches("user_[0-9]+");
        assertThat(task.get("title").asText()).isEqualTo("Complete project proposal");
        assertThat(task.get("description").asText()).isEqualTo("Finish and submit");
        assertThat(task.get("completed").isBoolean()).isTrue();
        assertThat(task.get("completed").asBoolean()).isFalse();
        assertThat(task.get("priority").asText()).isEqualTo("high");
        assertThat(Instant.parse(task.get("created_at").asText())).isNotNull();
        assertThat(task.get("updated_at").asText()).isEqualTo(task.get("created_at").asText());
        assertThat(task.get("status").asText()).isEqualTo("pending");
        assertThat(task.get("tags").isArray()).isTrue();
        assertThat(task.has("due_date")).as("every task has the same keys").isTrue();
        assertThat(task.get("due_date").isNull()).isTrue();
        assertThat(response.header("Location")).isEqualTo("/v1/tasks/" + task.get("id").asLong());
    }

    @Test
    void defaultsToMediumAndTakesTheSharedExtras() {
        JsonNode plain = create(alice, Map.of("title", "Plain"));
        assertThat(plain.get("priority").asText()).isEqualTo("medium");
        assertThat(plain.get("description").asText()).isEmpty();

        JsonNode extras = create(alice, Map.of("title", "Plan", "due_date", "2026-12-24", "tags", List.of("#Work")));
        assertThat(extras.get("due_date").asText()).isEqualTo("2026-12-24");
        assertThat(extras.get("tags")).extracting(JsonNode::asText).containsExactly("work");
    }

    @Test
    void fieldsTheClientMayNotSetAreIgnored() {
        JsonNode task = create(bob, Map.of("title", "mine", "id", 424242, "user_id", alice.id(),
                "created_at", "2001-01-01T00:00:00Z", "updated_at", "2001-01-01T00:00:00Z", "completed", true));

        assertThat(task.get("id").asLong()).isNotEqualTo(424242);
        assertThat(task.get("user_id").asText()).isEqualTo(bob.id());
        assertThat(task.get("created_at").asText()).doesNotStartWith("2001");
        assertThat(task.get("completed").asBoolean()).as("a new task starts open").isFalse();

        long id = task.get("id").asLong();
        JsonNode updated = client.put("/v1/tasks/" + id, bob.token(),
                Map.of("id", 1, "user_id", alice.id(), "created_at", "2001-01-01T00:00:00Z")).json().get("data");
        assertThat(updated.get("id").asLong()).isEqualTo(id);
        assertThat(updated.get("user_id").asText()).isEqualTo(bob.id());
        assertThat(updated.get("created_at").asText()).isEqualTo(task.get("created_at").asText());
        assertError(client.get("/v1/tasks/" + id, alice.token()), 403, "FORBIDDEN");
    }

    @Test
    void getsATask() {
        long id = createTitled(alice, "Read me", "low");

        Response response = client.get("/v1/tasks/" + id, alice.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        assertThat(response.json().at("/data/id").asLong()).isEqualTo(id);
        assertThat(response.json().at("/data/title").asText()).isEqualTo("Read me");
    }

    @Test
    void someoneElsesTaskIsForbiddenEverywhere() {
        long id = createTitled(alice, "Alice's secret", "high");

        assertError(client.get("/v1/tasks/" + id, bob.token()), 403, "FORBIDDEN");
        assertError(client.put("/v1/tasks/" + id, bob.token(), Map.of("title", "Bob's now")), 403, "FORBIDDEN");
        assertError(client.put("/v1/tasks/" + id, bob.token(), Map.of("completed", false)), 403, "FORBIDDEN");
        assertError(client.patch("/v1/tasks/" + id + "/complete", bob.token(), Map.of("completed", true)), 403,
                "FORBIDDEN");
        assertError(client.delete("/v1/tasks/" + id, bob.token()), 403, "FORBIDDEN");
        assertThat(titles(bob, "")).doesNotContain("Alice's secret");

        JsonNode unchanged = client.get("/v1/tasks/" + id, alice.token()).json().get("data");
        assertThat(unchanged.get("title").asText()).isEqualTo("Alice's secret");
        assertThat(unchanged.get("completed").asBoolean()).isFalse();
    }

    @Test
    void unknownTasksAreNotFound() {
        for (String path : List.of("/v1/tasks/999999", "/v1/tasks/0", "/v1/tasks/-3")) {
            assertError(client.get(path, alice.token()), 404, "NOT_FOUND");
        }
        assertError(client.put("/v1/tasks/999999", alice.token(), Map.of("title", "x")), 404, "NOT_FOUND");
        assertError(client.patch("/v1/tasks/999999/complete", alice.token(), Map.of("completed", true)), 404,
                "NOT_FOUND");
        assertError(client.delete("/v1/tasks/999999", alice.token()), 404, "NOT_FOUND");
        assertError(client.get("/v1/tasks/abc", alice.token()), 400, "INVALID_INPUT");
        assertError(client.get("/v1/tasks/99999999999999999999999", alice.token()), 400, "INVALID_INPUT");
    }

    @Test
    void putChangesOnlyTheGivenFields() {
        long id = create(alice, Map.of("title", "Write report", "description", "quarterly", "priority", "low",
                "tags", List.of("work"), "due_date", "2026-12-01")).get("id").asLong();

        Response renamed = client.put("/v1/tasks/" + id, alice.token(), Map.of("title", "Write the report"));

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("message").asText()).isEqualTo("Task updated successfully");
        JsonNode task = renamed.json().get("data");
        assertThat(task.get("title").asText()).isEqualTo("Write the report");
        assertThat(task.get("description").asText()).isEqualTo("quarterly");
        assertThat(task.get("priority").asText()).isEqualTo("low");
        assertThat(task.get("completed").asBoolean()).isFalse();
        assertThat(task.get("tags")).extracting(JsonNode::asText).containsExactly("work");
        assertThat(task.get("due_date").asText()).isEqualTo("2026-12-01");
        assertThat(Instant.parse(task.get("updated_at").asText()))
                .isAfterOrEqualTo(Instant.parse(task.get("created_at").asText()));

        JsonNode all = client.put("/v1/tasks/" + id, alice.token(), Map.of("title", "Report", "description", "",
                "priority", "urgent", "completed", true, "due_date", "", "tags", List.of())).json().get("data");
        assertThat(all.get("title").asText()).isEqualTo("Report");
        assertThat(all.get("description").asText()).isEmpty();
        assertThat(all.get("priority").asText()).isEqualTo("urgent");
        assertThat(all.get("completed").asBoolean()).isTrue();
        assertThat(all.get("status").asText()).isEqualTo("completed");
        assertThat(all.get("due_date").isNull()).isTrue();
        assertThat(all.get("tags")).isEmpty();
        assertThat(client.get("/v1/tasks/" + id, alice.token()).json().at("/data/completed").asBoolean()).isTrue();

        JsonNode reopened = client.put("/v1/tasks/" + id, alice.token(), Map.of("completed", false)).json();
        assertThat(reopened.at("/data/completed").asBoolean()).isFalse();
        assertThat(reopened.at("/data/status").asText()).isEqualTo("pending");

        JsonNode unchanged = client.put("/v1/tasks/" + id, alice.token(), Map.of()).json().get("data");
        assertThat(unchanged.get("title").asText()).isEqualTo("Report");
    }

    @Test
    void completedMustBeABoolean() {
        long id = createTitled(alice, "Strict", "medium");

        for (Object completed : List.of("true", "yes", 1, List.of(true), Map.of())) {
            Response response = client.put("/v1/tasks/" + id, alice.token(), Map.of("completed", completed));
            assertError(response, 400, "INVALID_INPUT");
            assertThat(response.json().at("/error/message").asText()).contains("completed");
            assertError(client.patch("/v1/tasks/" + id + "/complete", alice.token(), Map.of("completed", completed)),
                    400, "INVALID_INPUT");
        }
        assertThat(client.get("/v1/tasks/" + id, alice.token()).json().at("/data/completed").asBoolean()).isFalse();
    }

    @Test
    void sendingBackAnArchivedTaskDoesNotRestoreIt() {
        long id = createTitled(alice, "Old idea", "low");
        // archiving exists in contract 000; the same token works there
        assertThat(client.put("/api/v1/tasks/" + id, alice.token(), Map.of("status", "archived")).status())
                .isEqualTo(200);

        JsonNode archived = client.get("/v1/tasks/" + id, alice.token()).json().get("data");
        assertThat(archived.get("completed").asBoolean()).isFalse();
        assertThat(archived.get("status").asText()).isEqualTo("archived");

        JsonNode sentBack = client.put("/v1/tasks/" + id, alice.token(), Map.of("title", "Old idea, renamed",
                "completed", false)).json().get("data");
        assertThat(sentBack.get("status").asText()).isEqualTo("archived");

        Response completeArchived = client.patch("/v1/tasks/" + id + "/complete", alice.token(),
                Map.of("completed", true));
        assertError(completeArchived, 400, "INVALID_INPUT");
        assertThat(completeArchived.json().at("/error/message").asText()).contains("archived");
    }

    @Test
    void patchCompleteSetsTheCompletion() {
        long id = createTitled(alice, "Toggle me", "medium");

        Response completed = client.patch("/v1/tasks/" + id + "/complete", alice.token(), Map.of("completed", true));
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.json().get("message").asText()).isEqualTo("Task completion status updated successfully");
        assertThat(completed.json().at("/data/completed").asBoolean()).isTrue();
        assertThat(client.patch("/v1/tasks/" + id + "/complete", alice.token(), Map.of("completed", true)).json()
                .at("/data/completed").asBoolean()).as("completing twice is fine").isTrue();

        Response reopened = client.patch("/v1/tasks/" + id + "/complete", alice.token(), Map.of("completed", false));
        assertThat(reopened.json().at("/data/completed").asBoolean()).isFalse();

        Response missing = client.patch("/v1/tasks/" + id + "/complete", alice.token(), Map.of());
        assertError(missing, 400, "INVALID_INPUT");
        assertThat(missing.json().at("/error/message").asText()).contains("completed is required");
        assertError(client.raw("PATCH", "/v1/tasks/" + id + "/complete", alice.token(), "application/json", ""),
                400, "INVALID_INPUT");
    }

    @Test
    void deletesATask() {
        long id = createTitled(alice, "Temporary", "medium");

        Response deleted = client.delete("/v1/tasks/" + id, alice.token());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("success").asBoolean()).isTrue();
        assertThat(deleted.json().get("message").asText()).isEqualTo("Task deleted successfully");
        assertThat(deleted.json().has("data")).isFalse();
        assertError(client.get("/v1/tasks/" + id, alice.token()), 404, "NOT_FOUND");
        assertError(client.delete("/v1/tasks/" + id, alice.token()), 404, "NOT_FOUND");
        assertError(client.put("/v1/tasks/" + id, alice.token(), Map.of("title", "back")), 404, "NOT_FOUND");
        assertThat(titles(alice, "")).doesNotContain("Temporary");
    }

    @Test
    void pagesThroughTasks() {
        for (int i = 1; i <= 25; i++) {
            createTitled(alice, String.format("task %02d", i), "medium");
        }

        JsonNode first = list(alice, "");
        assertThat(first.get("tasks")).hasSize(20);
        assertThat(first.get("tasks").get(0).get("title").asText()).as("oldest first").isEqualTo("task 01");
        assertThat(first.get("pagination").toString())
                .isEqualTo("{\"page\":1,\"limit\":20,\"total\":25,\"total_pages\":2}");
        assertThat(titles(alice, "?page=2")).hasSize(5).first().isEqualTo("task 21");
        JsonNode beyond = list(alice, "?page=3");
        assertThat(beyond.get("tasks")).isEmpty();
        assertThat(beyond.at("/pagination/total").asLong()).isEqualTo(25);
        assertThat(titles(alice, "?page=3&limit=10")).containsExactly("task 21", "task 22", "task 23", "task 24",
                "task 25");
        assertThat(titles(alice, "?limit=100")).hasSize(25);
        assertThat(titles(alice, "?limit=1&page=25")).containsExactly("task 25");
        assertThat(list(alice, "?limit=7").at("/pagination/total_pages").asLong()).isEqualTo(4);

        JsonNode empty = list(bob, "");
        assertThat(empty.get("tasks")).isEmpty();
        assertThat(empty.get("pagination").toString())
                .isEqualTo("{\"page\":1,\"limit\":20,\"total\":0,\"total_pages\":0}");
    }

    @Test
    void refusesBadListParameters() {
        for (String query : List.of("?page=0", "?page=-1", "?page=abc", "?limit=0", "?limit=101", "?limit=x",
                "?page=2147483647&limit=100", "?priority=critical", "?completed=yes", "?completed=1",
                "?sort=title", "?sort=priority:up")) {
            assertError(client.get("/v1/tasks" + query, alice.token()), 400, "INVALID_INPUT");
        }
    }

    @Test
    void searchesTitleAndDescriptionLiterallyIgnoringCase() {
        create(alice, Map.of("title", "Buy (rye) bread"));
        create(alice, Map.of("title", "a.b*c"));
        create(alice, Map.of("title", "[x]+ $1 ^start"));
        create(alice, Map.of("title", "Plain", "description", "100% done \\d"));
        create(alice, Map.of("title", "abbbc"));
        create(bob, Map.of("title", "Bob buys bread"));

        assertThat(titles(alice, "?search=BREAD")).containsExactly("Buy (rye) bread");
        assertThat(titles(alice, "?search=(rye)")).containsExactly("Buy (rye) bread");
        assertThat(titles(alice, "?search=a.b*c")).containsExactly("a.b*c");
        assertThat(titles(alice, "?search=.*")).isEmpty();
        assertThat(titles(alice, "?search=%5Bx%5D%2B")).containsExactly("[x]+ $1 ^start");
        assertThat(titles(alice, "?search=%5Estart")).containsExactly("[x]+ $1 ^start");
        assertThat(titles(alice, "?search=%241")).containsExactly("[x]+ $1 ^start");
        assertThat(titles(alice, "?search=100%25")).as("matches the description").containsExactly("Plain");
        assertThat(titles(alice, "?search=%5Cd")).containsExactly("Plain");
        assertThat(titles(alice, "?search=%5C")).containsExactly("Plain");
        assertThat(titles(alice, "?search=b%7Bn%7D")).isEmpty();
        assertThat(titles(alice, "?search=")).hasSize(5);
        JsonNode page = list(alice, "?search=b&limit=2");
        assertThat(page.at("/pagination/total").asLong()).isEqualTo(3);
        assertThat(page.get("tasks")).hasSize(2);
    }

    @Test
    void filtersByPriorityAndCompletion() {
        long done = createTitled(alice, "done high", "high");
        createTitled(alice, "open high", "high");
        createTitled(alice, "open low", "low");
        client.patch("/v1/tasks/" + done + "/complete", alice.token(), Map.of("completed", true));

        assertThat(titles(alice, "?priority=high")).containsExactly("done high", "open high");
        assertThat(titles(alice, "?priority=HIGH")).containsExactly("done high", "open high");
        assertThat(titles(alice, "?completed=true")).containsExactly("done high");
        assertThat(titles(alice, "?completed=false")).containsExactly("open high", "open low");
        assertThat(titles(alice, "?completed=false&priority=high&search=OPEN")).containsExactly("open high");
        assertThat(titles(alice, "?priority=urgent")).isEmpty();
    }

    @Test
    void sortsByPriorityRankAndByTime() {
        createTitled(alice, "high", "high");
        createTitled(alice, "low", "low");
        long urgent = createTitled(alice, "urgent", "urgent");
        createTitled(alice, "medium", "medium");

        assertThat(titles(alice, "?sort=priority")).containsExactly("low", "medium", "high", "urgent");
        assertThat(titles(alice, "?sort=priority:asc")).containsExactly("low", "medium", "high", "urgent");
        assertThat(titles(alice, "?sort=priority:desc")).containsExactly("urgent", "high", "medium", "low");
        assertThat(titles(alice, "?sort=-priority")).containsExactly("urgent", "high", "medium", "low");
        assertThat(titles(alice, "?sort=-priority&limit=2&page=2")).containsExactly("medium", "low");
        assertThat(titles(alice, "")).containsExactly("high", "low", "urgent", "medium");
        assertThat(titles(alice, "?sort=created_at:desc")).containsExactly("medium", "urgent", "low", "high");

        client.put("/v1/tasks/" + urgent, alice.token(), Map.of("description", "touched"));
        assertThat(titles(alice, "?sort=-updated_at").get(0)).isEqualTo("urgent");
        assertThat(titles(alice, "?sort=updated_at")).last().isEqualTo("urgent");
    }

    @Test
    void badInputIsInvalidInputAndChangesNothing() {
        Map<Object, String> cases = new LinkedHashMap<>();
        cases.put(Map.of("title", ""), "Title is required");
        cases.put(Map.of("description", "no title"), "Title is required");
        cases.put(Map.of("title", "x".repeat(256)), "at most 255");
        cases.put(Map.of("title", "ok", "description", "d".repeat(1001)), "at most 1000");
        cases.put(Map.of("title", "ok", "priority", "critical"), "priority must be");
        cases.put(Map.of("title", "ok", "due_date", "next tuesday"), "Due date");
        cases.put(Map.of("title", "ok", "tags", List.of("a b/c")), "Tags");
        cases.put(Map.of("title", 42), "'title'");
        cases.put("[]", "JSON object");
        cases.put("{\"title\": ", "Malformed JSON");
        cases.put("not json", "Malformed JSON");
        cases.put("", "JSON request body is required");

        assertThat(titles(alice, "?limit=100")).isEmpty();
        cases.forEach((body, expected) -> {
            Response response = client.post("/v1/tasks", alice.token(), body);
            assertError(response, 400, "INVALID_INPUT");
            assertThat(response.json().at("/error/message").asText()).as(String.valueOf(body)).contains(expected);
        });
        assertThat(createTitled(alice, "x".repeat(255), "low")).isPositive();
        assertThat(titles(alice, "?limit=100")).hasSize(1);
    }

    @Test
    void protocolErrorsUseTheEnvelope() {
        Response wrongType = client.raw("POST", "/v1/tasks", alice.token(), "text/plain", "title");
        assertError(wrongType, 415, "INVALID_INPUT");
        assertThat(wrongType.json().at("/error/message").asText()).contains("application/json");

        assertError(client.patch("/v1/tasks", alice.token(), Map.of()), 405, "INVALID_INPUT");
        assertError(client.post("/v1/tasks/1", alice.token(), Map.of()), 405, "INVALID_INPUT");
        assertError(client.get("/v1/nothing-here", alice.token()), 404, "NOT_FOUND");
        assertError(client.get("/v1", alice.token()), 404, "NOT_FOUND");

        Response tooLarge = client.post("/v1/tasks", alice.token(),
                Map.of("title", "big", "description", "x".repeat(200_000)));
        assertError(tooLarge, 413, "INVALID_INPUT");
    }

    @Test
    void everyTaskEndpointNeedsAValidToken() {
        List<Response> refused = List.of(
                client.get("/v1/tasks", null),
                client.post("/v1/tasks", null, Map.of("title", "x")),
                client.get("/v1/tasks/1", null),
                client.put("/v1/tasks/1", null, Map.of("title", "x")),
                client.patch("/v1/tasks/1/complete", null, Map.of("completed", true)),
                client.delete("/v1/tasks/1", null),
                client.get("/v1/tasks", "not-a-jwt"),
                client.get("/v1/tasks", alice.token() + "x"),
                client.get("/v1/nothing-here", null));
        for (Response response : refused) {
            assertError(response, 401, "UNAUTHORIZED");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @Test
    void recordsContract004AsTheChannelOfEveryEvent() {
        long id = createTitled(alice, "Audited", "low");
        client.patch("/v1/tasks/" + id + "/complete", alice.token(), Map.of("completed", true));

        List<DomainEventMessage<?>> events = new ArrayList<>();
        app.bean(EventStore.class).readEvents(Long.toString(id)).forEachRemaining(events::add);

        assertThat(events).hasSize(2);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getMetaData()).containsEntry("channel", "v1");
            assertThat(event.getMetaData()).containsEntry("userId", alice.id().substring("user_".length()));
        });
    }
}
