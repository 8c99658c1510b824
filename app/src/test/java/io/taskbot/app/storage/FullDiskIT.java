package io.taskbot.app.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import io.taskbot.app.kafka.EmbeddedKafkaCredentials;
import io.taskbot.app.readmodel.ReadModelDurability;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskEventsConsumer;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import io.taskbot.app.support.V1Users;
import io.taskbot.app.support.V1Users.V1User;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The data dir on a small tmpfs that a filler file fills up: writes answer 503 with Retry-After in each contract's
 * format, reads go on, health says unhealthy; once the filler is gone the node heals by itself (event store, read
 * store and the embedded broker), and every write acknowledged before, during or after is there. Needs root, to
 * mount the tmpfs; skipped otherwise.
 */
class FullDiskIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    static Path mountPoint;
    static boolean mounted;

    @BeforeAll
    static void mountSmallTmpfs() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount a small tmpfs");
        mountPoint = Files.createTempDirectory("taskbot-full-disk-");
        int exit = run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mountPoint.toString());
        assumeTrue(exit == 0, "mount -t tmpfs is not available here (exit " + exit + ")");
        mounted = true;
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mounted && run("umount", mountPoint.toString()) != 0) {
            // something still holds a file open: detach now, the kernel frees it when the last one is closed
            run("umount", "-l", mountPoint.toString());
        }
        if (mountPoint != null) {
            Files.deleteIfExists(mountPoint);
        }
    }

    @Test
    void aFullDiskRefusesWritesKeepsReadsAndHealsWhenSpaceReturns() throws Exception {
        Path dataDir = mountPoint.resolve("data");
        List<Long> acknowledged = new ArrayList<>();
        try (RunningApp app = RunningApp.start(dataDir, Map.of("taskbot.rate-limits.enabled", "false"))) {
            ApiClient client = app.client();
            User user = Users.register(client, "full-disk");
            V1User v1User = V1Users.register(client, "full-disk");
            for (int i = 0; i < 5; i++) {
                acknowledged.add(create(client, user, "before " + i));
            }

            Path filler = dataDir.resolve("filler");
            fill(filler);
            awaitStatus(() -> client.get("/api/v1/health", null), 503, Duration.ofSeconds(30));

            Response health = client.get("/api/v1/health", null);
            assertThat(health.json().get("status").asText()).isEqualTo("unhealthy");
            Response refused = client.post("/api/v1/tasks", user.token(), Map.of("title", "while full"));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.json().get("detail").asText()).isNotBlank();
            Response refusedV1 = client.post("/v1/tasks", v1User.token(), Map.of("title", "while full"));
            assertThat(refusedV1.status()).isEqualTo(503);
            assertThat(refusedV1.header("Retry-After")).isNotBlank();
            assertThat(refusedV1.json().get("success").asBoolean()).isFalse();
            assertThat(refusedV1.json().at("/error/code").asText()).isNotBlank();
            Response refusedChat = client.post("/api/chat", user.token(), Map.of("message", "add buy milk"));
            assertThat(refusedChat.status()).isEqualTo(503);
            assertThat(refusedChat.header("Retry-After")).isNotBlank();
            assertThat(refusedChat.json().at("/error/code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(refusedChat.json().at("/error/message").asText()).isNotBlank();

            Response listed = awaitStatus(() -> client.get("/api/v1/tasks", user.token()), 200, PATIENCE);
            assertThat(ids(listed.json())).as("reads go on while the disk is full")
                    .containsExactlyInAnyOrderElementsOf(acknowledged);

            // a write that reaches the read store while the disk is full closes its H2 store, as a projection's
            // would; the store is reopened while the disk is still full, and reads are served again
            MongoDatabase readStore = app.bean(MongoDatabase.class);
            // larger than any free space inside the store's file, so the commit needs new space
            readStore.getCollection("full_disk_probe").insertOne(new Document("written", "x".repeat(2 << 20)));
            assertThatThrownBy(() -> app.bean(ReadModelDurability.class).flush())
                    .as("the commit cannot reach the disk").isInstanceOf(RuntimeException.class);
            listed = awaitStatus(() -> client.get("/api/v1/tasks", user.token()), 200, PATIENCE);
            assertThat(ids(listed.json())).containsExactlyInAnyOrderElementsOf(acknowledged);
            assertThat(readStore.getCollection("full_disk_probe").countDocuments())
                    .as("what was never committed is not there").isZero();

            Files.delete(filler);
            awaitStatus(() -> client.get("/api/v1/health", null), 200, PATIENCE);
            Response first = awaitStatus(() -> client.post("/api/v1/tasks", user.token(),
                    Map.of("title", "after the disk was full")), 201, PATIENCE);
            acknowledged.add(first.json().get("id").asLong());
            for (int i = 0; i < 5; i++) {
                acknowledged.add(create(client, user, "after " + i));
            }
            Response v1Created = client.post("/v1/tasks", v1User.token(), Map.of("title", "after, on 004"));
            assertThat(v1Created.status()).as(v1Created.body()).isEqualTo(201);

            assertThat(ids(client.get("/api/v1/tasks", user.token()).json()))
                    .as("every acknowledged write is there").containsExactlyInAnyOrderElementsOf(acknowledged);
            String bootstrapServers = String.join(",",
                    app.bean(KafkaConnectionDetails.class).getBootstrapServers());
            try (TaskEventsConsumer consumer = new TaskEventsConsumer(bootstrapServers, "taskbot.task-events",
                    EmbeddedKafkaCredentials.read(dataDir).clientProperties())) {
                consumer.pollUntil(records -> acknowledged.stream()
                        .allMatch(id -> !TaskEventsConsumer.ofTask(records, id).isEmpty()), PATIENCE);
            }
        }
    }

    private static long create(ApiClient client, User user, String title) {
        Response created = client.post("/api/v1/tasks", user.token(), Map.of("title", title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static List<Long> ids(JsonNode tasks) {
        List<Long> ids = new ArrayList<>();
        tasks.forEach(task -> ids.add(task.get("id").asLong()));
        return ids;
    }

    /** Writes until the file system says it is full. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
    }

    /** Repeats the request until it answers {@code status}; on the way it may answer 503, never a 500. */
    private static Response awaitStatus(Supplier<Response> request, int status, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response response = request.get();
        while (response.status() != status) {
            assertThat(response.status()).as(response.body()).isNotEqualTo(500);
            assertThat(System.nanoTime()).as("still %s: %s", response.status(), response.body()).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(250);
            response = request.get();
        }
        return response;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            return process.waitFor();
        } catch (IOException notInstalled) {
            return -1;
        }
    }
}
