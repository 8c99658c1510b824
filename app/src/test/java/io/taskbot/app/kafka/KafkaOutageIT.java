package io.taskbot.app.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskEventsConsumer.Received;
import io.taskbot.app.support.TaskEventsConsumer;
import io.taskbot.app.support.Users.User;
import io.taskbot.app.support.Users;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka goes away while tasks are created and changed, and comes back on the same port with the same log: the REST
 * API keeps accepting writes, health shows the publisher in error with its lag, and once the broker is back every
 * event arrives, each task's in order. The test runs the app against a broker it starts and stops itself.
 */
class KafkaOutageIT {

    private static final String TOPIC = "taskbot.task-events";
    /** Generous: the waits end as soon as their condition holds, and a loaded machine is slow. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @TempDir
    Path dataDir;
    @TempDir
    Path kafkaDir;
    @TempDir
    Path kafkaSecretsDir;

    @Test
    void everyEventWrittenWhileKafkaIsAwayArrivesWhenItIsBack() throws Exception {
        int port = freePort();
        EmbeddedKafka broker = startedBroker(port);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        // the broker's account, configured as an operator configures a secured external Kafka
        Map<String, Object> security = broker.credentials().clientProperties();
        security.forEach((name, value) -> properties.put(name.equals("security.protocol")
                ? "spring.kafka.security.protocol" : "spring.kafka.properties." + name, value.toString()));
        // give up on each attempt within seconds, so that the publisher's retries show in a test's time
        properties.put("spring.kafka.producer.properties.max.block.ms", "2000");
        properties.put("spring.kafka.producer.properties.request.timeout.ms", "1000");
        properties.put("spring.kafka.producer.properties.delivery.timeout.ms", "3000");
        properties.put("spring.kafka.producer.properties.reconnect.backoff.max.ms", "1000");
        try (RunningApp app = RunningApp.start(dataDir, properties);
             TaskEventsConsumer consumer = new TaskEventsConsumer(broker.bootstrapServers(), TOPIC, security)) {
            ApiClient client = app.client();
            TaskEventPublisherHealthIndicator health = app.bean(TaskEventPublisherHealthIndicator.class);
            User user = Users.register(client, "outage");
            long before = create(client, user, "before the outage");
            consumer.pollUntil(records -> !TaskEventsConsumer.ofTask(records, before).isEmpty(), PATIENCE);

            broker.close();
            List<Long> during = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                long id = create(client, user, "during the outage " + i);
                assertThat(client.put("/api/v1/tasks/" + id, user.token(), Map.of("priority", "high")).status())
                        .as("writes keep working while Kafka is away").isEqualTo(200);
                during.add(id);
            }
            Health failing = await(health, h -> "error".equals(h.getDetails().get("state")));
            assertThat(failing.getStatus().getCode()).isEqualTo("DEGRADED");
            assertThat((Long) failing.getDetails().get("lag")).as("the 24 unpublished events")
                    .isGreaterThanOrEqualTo(24);
            assertThat(failing.getDetails().get("error").toString()).isNotBlank();
            assertThat(client.get("/api/v1/health", null).status())
                    .as("the application is healthy: it serves its API while Kafka is away").isEqualTo(200);
            assertThat(app.bean(MeterRegistry.class).get("taskbot.task.events.publisher.lag").gauge().value())
                    .isGreaterThanOrEqualTo(24);

            broker = startedBroker(port);
            List<Received> received = consumer.pollUntil(records -> during.stream().allMatch(id ->
                    TaskEventsConsumer.distinct(TaskEventsConsumer.ofTask(records, id)).size() == 2), PATIENCE);

            for (long id : during) {
                List<Received> events = TaskEventsConsumer.distinct(TaskEventsConsumer.ofTask(received, id));
                assertThat(events).extracting(Received::type)
                        .containsExactly("io.taskbot.task.created", "io.taskbot.task.priority_changed");
                assertThat(events).extracting(event -> event.value().get("sequence").asLong()).containsExactly(0L, 1L);
            }
            Health recovered = await(health, h -> Long.valueOf(0).equals(h.getDetails().get("lag")));
            assertThat(recovered.getDetails()).containsEntry("state", "running");
            assertThat(recovered.getStatus().getCode()).isEqualTo("UP");
        } finally {
            broker.close();
        }
    }

    private static long create(ApiClient client, User user, String title) {
        ApiClient.Response created = client.post("/api/v1/tasks", user.token(), Map.of("title", title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private EmbeddedKafka startedBroker(int port) throws Exception {
        EmbeddedKafka broker = new EmbeddedKafka(kafkaDir, port, TOPIC,
                EmbeddedKafkaCredentials.loadOrCreate(kafkaSecretsDir));
        broker.start();
        broker.awaitStarted(PATIENCE);
        return broker;
    }

    private static Health await(TaskEventPublisherHealthIndicator indicator, Predicate<Health> condition) {
        return Awaitility.await("publisher health").atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(indicator::health, condition);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
