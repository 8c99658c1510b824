package io.taskbot.app.contract000;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract 000's task endpoints over HTTP, as a client app uses them. */
@TaskbotApp
class Contract000TasksIT {

    static ApiClient client;

    User alice;
    User bob;

    @BeforeAll
    static void connect(ApiClient api) {
        client = api;
    }

    @BeforeEach
    void registerUsers() {
        alice = Users.register(client, "alice");
        bob = Users.register(client, "bob");
    }

    private JsonNode create(User user, Object body) {
        Response response = client.post("/api/v1/tasks", user.token(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private List<String> titles(User user, String query) {
        Response response = client.get("/api/v1/tasks" + query, user.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        response.json().forEach(task -> titles.add(task.get("title").asText()));
        return titles;
    }

    @Test
    void createsATaskInTheContractsShape() {
        Response response = client.post("/api/v1/tasks", alice.token(), Map.of("title", "Buy groceries"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode task = response.json();
        assertThat(task.get("id").isIntegralNumber()).isTrue();
        assertThat(task.get("title").asText()).isEqualTo("Buy groceries");
        assertThat(task.get("status").asText()).isEqualTo("pending");
        assertThat(Instant.parse(task.get("created_at").asText())).isNotNull();
        assertThat(task.get("updated_at").asText()).isEqualTo(task.get("created_at").asText());
        assertThat(task.get("created_at").asText()).endsWith("Z");
        assertThat(task.get("priority").asText()).isEqualTo("medium");
        assertThat(response.header("Location")).isEqualTo("/api/v1/tasks/" + task.get("id").asLong());
    }

    @Test
    void acceptsTheSharedExtraFields() {
        JsonNode task = create(alice, Map.of("title", "Plan the sprint", "description", "two weeks",
                "priority", "urgent", "due_date", "2026-12-24", "tags", List.of("#Work", "planning")));

        assertThat(task.get("description").asText()).isEqualTo("two weeks");
        assertThat(task.get("priority").asText()).isEqualTo("urgent");
        assertThat(task.get("due_date").asText()).isEqualTo("2026-12-24");
        assertThat(task.get("tags")).extracting(JsonNode::asText).containsExactly("work", "planning");
    }

    @Test
    void aCreatedTaskIsListedImmediately() {
        long id = create(alice, Map.of("title", "Call mom")).get("id").asLong();

        Response list = client.get("/api/v1/tasks", alice.token());
        assertThat(list.json()).anySatisfy(task -> assertThat(task.get("id").asLong()).isEqualTo(id));
    }

    @Test
    void listsOldestFirstWithStatusFilterLimitAndOffset() {
        for (int i = 1; i <= 5; i++) {
            create(alice, Map.of("title", "task " + i));
        }
        long second = client.get("/api/v1/tasks?limit=1&offset=1", alice.token()).json().get(0).get("id").asLong();
        client.put("/api/v1/tasks/" + second, alice.token(), Map.of("status", "completed"));

        assertThat(titles(alice, "")).containsExactly("task 1", "task 2", "task 3", "task 4", "task 5");
        assertThat(titles(alice, "?limit=2&offset=1")).containsExactly("task 2", "task 3");
        assertThat(titles(alice, "?status=completed")).containsExactly("task 2");
        assertThat(titles(alice, "?status=pending")).containsExactly("task 1", "task 3", "task 4", "task 5");
        assertThat(titles(alice, "?status=archived")).isEmpty();
        assertThat(titles(alice, "?offset=10")).isEmpty();
    }

    @Test
    void defaultPageIsFiftyTasks() {
        for (int i = 0; i < 55; i++) {
            create(bob, Map.of("title", "t" + i));
        }
        assertThat(titles(bob, "")).hasSize(50);
        assertThat(titles(bob, "?offset=50")).hasSize(5);
    }

    @Test
    void updatesTitleAndStatus() {
        long id = create(alice, Map.of("title", "Write report")).get("id").asLong();

        Response updated = client.put("/api/v1/tasks/" + id, alice.token(),
                Map.of("title", "Write the quarterly report", "status", "completed"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("title").asText()).isEqualTo("Write the quarterly report");
        assertThat(updated.json().get("status").asText()).isEqualTo("completed");
        assertThat(Instant.parse(updated.json().get("updated_at").asText()))
                .isAfterOrEqualTo(Instant.parse(updated.json().get("created_at").asText()));
        assertThat(client.get("/api/v1/tasks/" + id, alice.token()).json().get("status").asText())
                .isEqualTo("completed");
    }

    @Test
    void archivesAndRestoresATask() {
        long id = create(alice, Map.of("title", "Old idea")).get("id").asLong();

        assertThat(client.put("/api/v1/tasks/" + id, alice.token(), Map.of("status", "archived")).json()
                .get("status").asText()).isEqualTo("archived");
        Response completeArchived = client.put("/api/v1/tasks/" + id, alice.token(), Map.of("status", "completed"));
        assertThat(completeArchived.status()).isEqualTo(400);
        assertThat(completeArchived.json().get("detail").asText()).contains("archived");
        assertThat(client.put("/api/v1/tasks/" + id, alice.token(), Map.of("status", "pending")).json()
                .get("status").asText()).isEqualTo("pending");
    }

    @Test
    void deletesATask() {
        long id = create(alice, Map.of("title", "Temporary")).get("id").asLong();

        Response deleted = client.delete("/api/v1/tasks/" + id, alice.token());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(client.get("/api/v1/tasks/" + id, alice.token()).status()).isEqualTo(404);
        assertThat(titles(alice, "")).doesNotContain("Temporary");
        Response again = client.delete("/api/v1/tasks/" + id, alice.token());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("detail").asText()).isEqualTo("Task not found");
        assertThat(client.put("/api/v1/tasks/" + id, alice.token(), Map.of("title", "back")).status())
                .isEqualTo(404);
    }

    @Test
    void unknownTasksAreNotFound() {
        for (String path : List.of("/api/v1/tasks/999999", "/api/v1/tasks/0", "/api/v1/tasks/-3")) {
            Response response = client.get(path, alice.token());
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.json().get("detail").asText()).isEqualTo("Task not found");
        }
        assertThat(client.put("/api/v1/tasks/999999", alice.token(), Map.of("title", "x")).status()).isEqualTo(404);
        assertThat(client.delete("/api/v1/tasks/999999", alice.token()).status()).isEqualTo(404);
    }

    @Test
    void usersNeverReachEachOthersTasks() {
        long alicesTask = create(alice, Map.of("title", "Alice's secret")).get("id").asLong();

        assertThat(titles(bob, "")).doesNotContain("Alice's secret");
        for (Response response : List.of(
                client.get("/api/v1/tasks/" + alicesTask, bob.token()),
                client.put("/api/v1/tasks/" + alicesTask, bob.token(), Map.of("title", "Bob's now")),
                client.delete("/api/v1/tasks/" + alicesTask, bob.token()))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("detail").asText()).isEqualTo("Task not found");
        }
        JsonNode unchanged = client.get("/api/v1/tasks/" + alicesTask, alice.token()).json();
        assertThat(unchanged.get("title").asText()).isEqualTo("Alice's secret");
    }

    @Test
    void aUserIdInTheBodyIsIgnored() {
        JsonNode task = create(bob, Map.of("title", "mine", "user_id", alice.id(), "owner", alice.id()));

        assertThat(titles(bob, "")).contains("mine");
        assertThat(client.get("/api/v1/tasks/" + task.get("id").asLong(), alice.token()).status()).isEqualTo(404);
    }

    @Test
    void badInputIsA400WithADetailAndChangesNothing() {
        Map<Object, String> cases = new java.util.LinkedHashMap<>();
        cases.put(Map.of("title", ""), "Title is required");
        cases.put(Map.of("title", "   "), "Title is required");
        cases.put(Map.of("description", "no title"), "Title is required");
        cases.put(Map.of("title", "x".repeat(256)), "at most 255");
        cases.put(Map.of("title", "ok", "description", "d".repeat(1001)), "at most 1000");
        cases.put(Map.of("title", "ok", "priority", "critical"), "priority must be one of");
        cases.put(Map.of("title", "ok", "due_date", "next tuesday"), "Due date");
        cases.put(Map.of("title", "ok", "tags", List.of("a b/c")), "Tags");
        cases.put(Map.of("title", 42), "'title'");
        cases.put(Map.of("title", List.of("a")), "'title'");
        cases.put(Map.of("title", "ok", "tags", "work"), "'tags'");
        cases.put("[]", "JSON object");
        cases.put("{\"title\": ", "Malformed JSON");
        cases.put("not json", "Malformed JSON");
        cases.put("", "JSON request body is required");

        int before = titles(alice, "?limit=1000").size();
        cases.forEach((body, expected) -> {
            Response response = client.post("/api/v1/tasks", alice.token(), body);
            assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
            assertThat(response.json().get("detail").asText()).as(String.valueOf(body)).contains(expected);
            assertThat(response.json().size()).isEqualTo(1);
        });
        assertThat(titles(alice, "?limit=1000")).hasSize(before);
    }

    @Test
    void badUpdatesChangeNothing() {
        long id = create(alice, Map.of("title", "Stays")).get("id").asLong();

        Response response = client.put("/api/v1/tasks/" + id, alice.token(),
                Map.of("title", "", "status", "completed"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(client.put("/api/v1/tasks/" + id, alice.token(), Map.of("status", "done")).status())
                .isEqualTo(400);

        JsonNode task = client.get("/api/v1/tasks/" + id, alice.token()).json();
        assertThat(task.get("title").asText()).isEqualTo("Stays");
        assertThat(task.get("status").asText()).isEqualTo("pending");
    }

    @Test
    void badQueryParametersAre400s() {
        for (String query : List.of("?status=done", "?limit=0", "?limit=abc", "?offset=-1", "?limit=100000")) {
            Response response = client.get("/api/v1/tasks" + query, alice.token());
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().get("detail").asText()).isNotBlank();
        }
        assertThat(client.get("/api/v1/tasks/abc", alice.token()).status()).isEqualTo(400);
    }

    @Test
    void protocolErrorsUseTheDetailFormat() {
        Response wrongType = client.raw("POST", "/api/v1/tasks", alice.token(), "text/plain", "title");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().get("detail").asText()).contains("application/json");

        Response wrongMethod = client.patch("/api/v1/tasks", alice.token(), Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().has("detail")).isTrue();

        Response unknownPath = client.get("/api/v1/nothing-here", alice.token());
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.json().has("detail")).isTrue();

        Response tooLarge = client.post("/api/v1/tasks", alice.token(),
                Map.of("title", "big", "description", "x".repeat(200_000)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("detail").asText()).contains("too large");
    }

    @Test
    void noResponseLeaksAStackTrace() {
        for (Response response : List.of(
                client.post("/api/v1/tasks", alice.token(), "{\"title\": [1,2"),
                client.post("/api/v1/tasks", alice.token(), Map.of("title", Map.of("nested", true))),
                client.get("/api/v1/tasks/99999999999999999999999", alice.token()))) {
            assertThat(response.status()).isBetween(400, 499);
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("at org.");
        }
    }

    @Test
    void sixteenConcurrentClientsEachReadTheirOwnWrites() throws Exception {
        List<User> clients = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            clients.add(Users.register(client, "rw"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (User user : clients) {
                work.add(() -> {
                    int checked = 0;
                    for (int n = 0; n < 10; n++) {
                        Response created = client.post("/api/v1/tasks", user.token(), Map.of("title", "rw " + n));
                        assertThat(created.status()).isEqualTo(201);
                        long id = created.json().get("id").asLong();
                        // the very next read, on the list and on the task, already shows the write
                        assertThat(client.get("/api/v1/tasks?limit=1000", user.token()).json())
                                .anySatisfy(task -> assertThat(task.get("id").asLong()).isEqualTo(id));
                        Response renamed = client.put("/api/v1/tasks/" + id, user.token(),
                                Map.of("title", "renamed " + n, "status", "completed"));
                        assertThat(renamed.json().get("title").asText()).isEqualTo("renamed " + n);
                        JsonNode read = client.get("/api/v1/tasks/" + id, user.token()).json();
                        assertThat(read.get("title").asText()).isEqualTo("renamed " + n);
                        assertThat(read.get("status").asText()).isEqualTo("completed");
                        assertThat(client.delete("/api/v1/tasks/" + id, user.token()).status()).isEqualTo(204);
                        assertThat(client.get("/api/v1/tasks/" + id, user.token()).status()).isEqualTo(404);
                        checked++;
                    }
                    return checked;
                });
            }
            int total = 0;
            for (Future<Integer> result : pool.invokeAll(work)) {
                total += result.get();
            }
            assertThat(total).isEqualTo(160);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentUpdatesOfOneTaskNeverFail() throws Exception {
        long id = create(alice, Map.of("title", "contended")).get("id").asLong();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                work.add(() -> client.put("/api/v1/tasks/" + id, alice.token(),
                        Map.of("title", "writer " + n, "priority", n % 2 == 0 ? "high" : "low")).status());
            }
            for (Future<Integer> status : pool.invokeAll(work)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(client.get("/api/v1/tasks/" + id, alice.token()).json().get("title").asText())
                .startsWith("writer ");
    }
}
