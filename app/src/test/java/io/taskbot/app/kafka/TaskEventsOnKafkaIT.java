package io.taskbot.app.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.TaskEventsConsumer.Received;
import io.taskbot.app.support.TaskEventsConsumer;
import io.taskbot.app.support.Users.User;
import io.taskbot.app.support.Users;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.kafka.core.ProducerFactory;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup run publishes every task change to {@code taskbot.task-events} on its embedded broker, and a plain
 * {@code KafkaConsumer} sees keys, CloudEvents headers, JSON values and each task's order as the README's "Task
 * events on Kafka" section says.
 */
@TaskbotApp
class TaskEventsOnKafkaIT {

    private static final String TOPIC = "taskbot.task-events";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static RunningApp app;
    static ApiClient client;
    static TaskEventsConsumer consumer;
    static String bootstrapServers;

    @BeforeAll
    static void connect(RunningApp running) {
        app = running;
        client = app.client();
        bootstrapServers = String.join(",", app.bean(KafkaConnectionDetails.class).getBootstrapServers());
        consumer = new TaskEventsConsumer(bootstrapServers, TOPIC, app.dataDir());
    }

    @AfterAll
    static void closeConsumer() {
        if (consumer != null) {
            consumer.close();
        }
    }

    private long create(User user, Map<String, Object> body) {
        ApiClient.Response created = client.post("/api/v1/tasks", user.token(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void update(User user, long id, Map<String, Object> body) {
        assertThat(client.put("/api/v1/tasks/" + id, user.token(), body).status()).isEqualTo(200);
    }

    @Test
    void theTopicIsCreatedAtStartWithTheConfiguredPartitions() throws Exception {
        Map<String, Object> settings = new HashMap<>(EmbeddedKafkaCredentials.read(app.dataDir()).clientProperties());
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(settings)) {
            TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames()
                    .get(60, TimeUnit.SECONDS).get(TOPIC);
            assertThat(topic.partitions()).hasSize(3);
        }
    }

    @Test
    void theProducerIsIdempotentAndWaitsForAllInSyncReplicas() {
        Map<String, Object> producer = app.bean(ProducerFactory.class).getConfigurationProperties();

        assertThat(producer).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, List.of(bootstrapServers));
    }

    @Test
    void theEmbeddedBrokerKeepsItsLogUnderTheDataDir() {
        assertThat(Files.isRegularFile(app.dataDir().resolve("kafka").resolve("meta.properties"))).isTrue();
    }

    @Test
    void publishesEachChangeOfATaskInOrderWithCloudEventsHeaders() {
        User user = Users.register(client, "kafka");
        long id = create(user, Map.of("title", "Plan the sprint", "description", "two weeks", "priority", "high",
                "due_date", "2026-12-24", "tags", List.of("#Work")));
        update(user, id, Map.of("title", "Plan the next sprint"));
        update(user, id, Map.of("priority", "urgent"));
        update(user, id, Map.of("status", "completed"));
        assertThat(client.delete("/api/v1/tasks/" + id, user.token()).status()).isIn(200, 204);

        List<Received> records = TaskEventsConsumer.ofTask(
                consumer.pollUntil(received -> TaskEventsConsumer.ofTask(received, id).stream()
                        .anyMatch(record -> record.type().endsWith(".deleted")), PATIENCE), id);

        assertThat(records).extracting(Received::type).containsExactly(
                "io.taskbot.task.created", "io.taskbot.task.renamed", "io.taskbot.task.priority_changed",
                "io.taskbot.task.completed", "io.taskbot.task.deleted");
        assertThat(records).extracting(Received::key).containsOnly(Long.toString(id));
        assertThat(records).extracting(Received::partition).as("one key, one partition").containsOnly(
                records.get(0).partition());
        assertThat(records).extracting(record -> record.value().get("sequence").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L);

        List<DomainEventMessage<?>> stored = new ArrayList<>();
        app.bean(EventStore.class).readEvents(Long.toString(id)).forEachRemaining(stored::add);
        assertThat(records).extracting(record -> record.header("ce_id"))
                .as("ce_id is the identifier of the stored event")
                .containsExactlyElementsOf(stored.stream().map(DomainEventMessage::getIdentifier).toList());

        for (Received record : records) {
            assertThat(record.headers()).containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_source", "/taskbot")
                    .containsEntry("ce_subject", Long.toString(id))
                    .containsEntry("content-type", "application/json");
            assertThat(Instant.parse(record.header("ce_time"))).isEqualTo(
                    Instant.parse(record.value().get("occurred_at").asText()));
            JsonNode value = record.value();
            assertThat(value.get("id").asText()).isEqualTo(record.header("ce_id"));
            assertThat(value.get("type").asText()).isEqualTo(record.type());
            assertThat(value.get("task_id").asLong()).isEqualTo(id);
            assertThat(value.get("metadata").get("user_id").asLong()).isEqualTo(user.id());
            assertThat(value.get("metadata").get("channel").asText()).isEqualTo("api-v1");
            assertThat(value.get("metadata").get("correlation_id").asText()).isNotBlank();
            assertThat(value.toString()).doesNotContain(Users.PASSWORD).doesNotContain(user.token());
        }

        JsonNode created = records.get(0).value().get("data");
        assertThat(created.get("owner_id").asLong()).isEqualTo(user.id());
        assertThat(created.get("title").asText()).isEqualTo("Plan the sprint");
        assertThat(created.get("description").asText()).isEqualTo("two weeks");
        assertThat(created.get("priority").asText()).isEqualTo("high");
        assertThat(created.get("due_date").asText()).isEqualTo("2026-12-24");
        assertThat(created.get("tags")).extracting(JsonNode::asText).containsExactly("work");
        assertThat(created.get("status").asText()).isEqualTo("pending");
        assertThat(records.get(1).value().get("data").get("title").asText()).isEqualTo("Plan the next sprint");
        assertThat(records.get(2).value().get("data").get("priority").asText()).isEqualTo("urgent");
        assertThat(records.get(3).value().get("data").get("status").asText()).isEqualTo("completed");
        assertThat(records.get(4).value().get("data").size()).isZero();
    }

    @Test
    void publishesRecurrenceAndUndoEventsWithTheUndoMarked() {
        User user = Users.register(client, "kafka-recur");
        long id = create(user, Map.of("title", "Water the plants", "due_date", "2026-12-01",
                "recurrence", "FREQ=DAILY;INTERVAL=2"));
        update(user, id, Map.of("status", "completed"));
        Map<String, Object> stop = new HashMap<>();
        stop.put("recurrence", null);
        update(user, id, stop);
        assertThat(client.delete("/api/v1/tasks/" + id, user.token()).status()).isEqualTo(204);
        assertThat(client.post("/api/v1/tasks/" + id + "/undo", user.token(), Map.of()).status()).isEqualTo(200);

        List<Received> records = TaskEventsConsumer.ofTask(
                consumer.pollUntil(received -> TaskEventsConsumer.ofTask(received, id).stream()
                        .anyMatch(record -> record.type().endsWith(".restored")), PATIENCE), id);

        assertThat(records).extracting(Received::type).containsExactly(
                "io.taskbot.task.created", "io.taskbot.task.occurrence_completed",
                "io.taskbot.task.recurrence_changed", "io.taskbot.task.deleted", "io.taskbot.task.restored");
        assertThat(records.get(0).value().at("/data/recurrence").asText()).isEqualTo("FREQ=DAILY;INTERVAL=2");
        assertThat(records.get(0).value().at("/data/recurrence_time_zone").asText()).isEqualTo("Z");
        assertThat(records.get(1).value().at("/data/completed_due_date").asText()).isEqualTo("2026-12-01");
        assertThat(records.get(1).value().at("/data/due_date").asText()).isEqualTo("2026-12-03");
        assertThat(records.get(2).value().at("/data/recurrence").isNull()).isTrue();
        assertThat(records.get(3).value().at("/metadata/undoes").isNull()).isTrue();
        assertThat(records.get(4).value().at("/metadata/undoes").asLong()).isEqualTo(3);
    }

    @Test
    void keepsEachTasksOrderWhenTasksChangeConcurrently() throws Exception {
        User user = Users.register(client, "interleaved");
        List<Long> ids = IntStream.range(0, 6).mapToObj(i -> create(user, Map.of("title", "task " + i))).toList();
        List<Thread> writers = new ArrayList<>();
        for (long id : ids) {
            Thread writer = new Thread(() -> {
                for (int round = 1; round <= 5; round++) {
                    update(user, id, Map.of("title", "task " + id + " v" + round));
                }
            });
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }

        List<Received> received = consumer.pollUntil(records -> ids.stream()
                .allMatch(id -> TaskEventsConsumer.ofTask(records, id).size() >= 6), PATIENCE);

        for (long id : ids) {
            List<Received> records = TaskEventsConsumer.ofTask(received, id);
            assertThat(records).extracting(record -> record.value().get("sequence").asLong())
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            assertThat(records.get(5).value().get("data").get("title").asText()).isEqualTo("task " + id + " v5");
        }
    }

    @Test
    void healthShowsThePublisherRunningAndCaughtUp() {
        User user = Users.register(client, "health");
        long id = create(user, Map.of("title", "Watch me"));
        consumer.pollUntil(records -> !TaskEventsConsumer.ofTask(records, id).isEmpty(), PATIENCE);

        // the published event reached the consumer before the publisher recorded its position: the lag settles
        TaskEventPublisherHealthIndicator health = app.bean(TaskEventPublisherHealthIndicator.class);
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
            assertThat(health.health().getDetails()).containsEntry("state", "running").containsEntry("lag", 0L);
        });
    }
}
