package io.taskbot.app.durability;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.TaskEventsConsumer;
import io.taskbot.app.support.TaskEventsConsumer.Received;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, killed with SIGKILL right after acknowledging writes: every acknowledged registration, create
 * and update is there after the restart, in the event store, in the read model and on Kafka (the embedded broker's
 * topic, fed by the publisher resuming from its token).
 */
class CrashRecoveryIT {

    private static final Path JAR = Path.of("target", "taskbot.jar");
    private static final Duration STARTUP = Duration.ofMinutes(5);

    @TempDir
    Path dataDir;
    /** The output of each start, in order. */
    private final List<Path> logs = new ArrayList<>();

    @Test
    void acknowledgedWritesSurviveKillNine() throws Exception {
        assertThat(JAR).as("the ITs run after the jar is packaged").exists();
        int port = freePort();
        int kafkaPort = freePort();
        ApiClient client = ApiClient.at("http://127.0.0.1:" + port);

        Process first = start(port, kafkaPort);
        User user;
        Set<Long> acknowledged = new HashSet<>();
        try {
            user = Users.register(client, "crash");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Long>> creates = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    int n = i;
                    creates.add(() -> {
                        Response created = client.post("/api/v1/tasks", user.token(), Map.of("title", "crash " + n));
                        assertThat(created.status()).isEqualTo(201);
                        long id = created.json().get("id").asLong();
                        assertThat(client.put("/api/v1/tasks/" + id, user.token(), Map.of("status", "completed"))
                                .status()).isEqualTo(200);
                        return id;
                    });
                }
                for (Future<Long> id : pool.invokeAll(creates)) {
                    acknowledged.add(id.get());
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            first.destroyForcibly().waitFor();
        }

        Process second = start(port, kafkaPort);
        try {
            String token = Users.login(client, user.username(), Users.PASSWORD);
            JsonNode tasks = client.get("/api/v1/tasks?limit=1000", token).json();
            Set<Long> listed = new HashSet<>();
            tasks.forEach(task -> {
                listed.add(task.get("id").asLong());
                assertThat(task.get("status").asText()).isEqualTo("completed");
            });
            assertThat(listed).containsExactlyInAnyOrderElementsOf(acknowledged);

            String bootstrapServers = "127.0.0.1:" + kafkaPort;
            try (TaskEventsConsumer consumer = new TaskEventsConsumer(bootstrapServers, "taskbot.task-events",
                    dataDir)) {
                List<Received> published = consumer.pollUntil(records -> acknowledged.stream().allMatch(id ->
                        TaskEventsConsumer.distinct(TaskEventsConsumer.ofTask(records, id)).size() == 2),
                        Duration.ofSeconds(120));
                for (long id : acknowledged) {
                    assertThat(TaskEventsConsumer.distinct(TaskEventsConsumer.ofTask(published, id)))
                            .extracting(Received::type)
                            .containsExactly("io.taskbot.task.created", "io.taskbot.task.completed");
                }
            }
        } finally {
            second.destroy();
            second.waitFor();
        }
        assertThat(Files.readAllLines(logs.get(1))).as("a clean stop (SIGTERM) logs no error")
                .noneMatch(line -> line.contains(" ERROR "));
    }

    private Process start(int port, int kafkaPort) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile(dataDir.getParent(), "taskbot-", ".log");
        logs.add(log);
        // a bounded heap, as in production: the suite's own JVM and the other builds on the machine need theirs
        Process process = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + port, "--taskbot.data-dir=" + dataDir, "--taskbot.rate-limits.enabled=false",
                "--taskbot.kafka.embedded-port=" + kafkaPort,
                // on a loaded machine the read model may lag more than the default 5 s: a 503 would not count as
                // acknowledged, and this test is about durability, not latency
                "--taskbot.read-your-writes.timeout=60s")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ApiClient client = ApiClient.at("http://127.0.0.1:" + port);
        try {
            // a start takes 10-20 s on a quiet machine; a loaded one may take several times that
            Awaitility.await("taskbot answering on port " + port).atMost(STARTUP).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("taskbot exited: " + Files.readString(log));
                        }
                        return healthy(client);
                    });
            return process;
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("taskbot did not start within " + STARTUP + ": "
                    + Files.readString(log), e);
        }
    }

    private static boolean healthy(ApiClient client) {
        try {
            return client.get("/api/v1/health", null).status() == 200;
        } catch (RuntimeException notYetListening) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
