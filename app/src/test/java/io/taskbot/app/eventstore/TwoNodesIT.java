package io.taskbot.app.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.Admins;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.Databases;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import io.taskbot.app.support.V1Users;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two app nodes on one PostgreSQL event store and one MongoDB, as in production: ids never collide, writers of the
 * same task on different nodes are retried instead of failing, and each node reads the other's writes. Runs only
 * where PostgreSQL is available (an H2 file belongs to one process).
 */
class TwoNodesIT {

    @TempDir
    static Path nodeOneDir;
    @TempDir
    static Path nodeTwoDir;
    static Map<String, String> database;
    static RunningApp nodeOne;
    static RunningApp nodeTwo;

    @BeforeAll
    static void startNodes() {
        assumeTrue(Databases.postgres(), "needs PostgreSQL (set -Dtaskbot.it.postgres-url)");
        database = Databases.freshEventStore();
        Map<String, String> shared = new LinkedHashMap<>(database);
        shared.put("taskbot.jwt.secret", "a-shared-secret-of-more-than-32-bytes!!");
        shared.putAll(Admins.PROPERTIES);
        nodeOne = RunningApp.start(nodeOneDir, shared);
        // node two uses node one's read-model MongoDB, as both would use one MongoDB cluster
        Map<String, String> second = new LinkedHashMap<>(shared);
        second.put("spring.flyway.create-schemas", "false");
        second.put("taskbot.mongodb.uri", nodeOne.bean(com.mongodb.client.MongoClient.class).getClusterDescription()
                .getServerDescriptions().get(0).getAddress().toString().transform(address -> "mongodb://" + address));
        second.put("taskbot.mongodb.client-certificate", nodeOneDir.resolve("mongo-tls.pem").toString());
        nodeTwo = RunningApp.start(nodeTwoDir, second);
    }

    @AfterAll
    static void stopNodes() {
        if (nodeTwo != null) {
            nodeTwo.close();
        }
        if (nodeOne != null) {
            nodeOne.close();
        }
        if (database != null) {
            Databases.drop(database);
        }
    }

    @Test
    void bothNodesServeOneConsistentStore() throws Exception {
        ApiClient one = nodeOne.client();
        ApiClient two = nodeTwo.client();
        User user = Users.register(one, "cluster");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> creates = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ApiClient node = i % 2 == 0 ? one : two;
                int n = i;
                creates.add(() -> node.post("/api/v1/tasks", user.token(), Map.of("title", "t" + n)).json()
                        .get("id").asLong());
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Long> id : pool.invokeAll(creates)) {
                ids.add(id.get());
            }
            assertThat(ids).as("ids are unique across nodes").hasSize(40);
            assertThat(two.get("/api/v1/tasks?limit=100", user.token()).json()).hasSize(40);

            long contended = ids.iterator().next();
            List<Callable<Integer>> updates = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ApiClient node = i % 2 == 0 ? one : two;
                int n = i;
                updates.add(() -> node.put("/api/v1/tasks/" + contended, user.token(),
                        Map.of("title", "writer " + n)).status());
            }
            for (Future<Integer> status : pool.invokeAll(updates)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRebuildAskedForOnOneNodeSwitchesBothAtOnce() throws Exception {
        ApiClient one = nodeOne.client();
        ApiClient two = nodeTwo.client();
        String admin = Admins.login(one);
        User user = Users.register(one, "rebuilt");
        for (int i = 0; i < 30; i++) {
            ApiClient node = i % 2 == 0 ? one : two;
            assertThat(node.post("/api/v1/tasks", user.token(), Map.of("title", "r" + i)).status()).isEqualTo(201);
        }

        Response started = two.post("/api/admin/read-models/tasks/rebuild", admin, Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        int generation = started.json().at("/rebuild/generation").asInt();
        Awaitility.await("node one serving generation " + generation).atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> readModel(one, admin, "tasks"), tasks -> tasks != null
                        && tasks.get("state").asText().equals("live") && tasks.get("generation").asInt() == generation);

        assertThat(one.get("/api/v1/tasks?limit=100", user.token()).json()).hasSize(30);
        assertThat(two.get("/api/v1/tasks?limit=100", user.token()).json()).hasSize(30);
        for (ApiClient node : List.of(one, two)) {
            Response created = node.post("/api/v1/tasks", user.token(), Map.of("title", "after the switch"));
            assertThat(created.status()).as("both nodes follow the new generation").isEqualTo(201);
            assertThat(node.get("/api/v1/tasks/" + created.json().get("id").asLong(), user.token()).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void bothNodesCountAgainstOneRateLimit() {
        V1Users.V1User user = V1Users.register(nodeOne.client(), "limited");
        for (int i = 0; i < 4; i++) {
            RunningApp node = i % 2 == 0 ? nodeTwo : nodeOne;
            Response login = node.client().post("/v1/auth/login", null,
                    Map.of("email", user.email(), "password", V1Users.PASSWORD));
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            assertThat(login.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(3 - i));
        }

        for (RunningApp node : List.of(nodeOne, nodeTwo)) {
            Response refused = node.client().post("/v1/auth/login", null,
                    Map.of("email", user.email(), "password", V1Users.PASSWORD));
            assertThat(refused.status()).as("five per fifteen minutes, whichever node counted them").isEqualTo(429);
        }
    }

    private static JsonNode readModel(ApiClient node, String admin, String name) {
        for (JsonNode model : node.get("/api/admin/read-models", admin).json()) {
            if (model.get("name").asText().equals(name)) {
                return model;
            }
        }
        return null;
    }
}
