package io.taskbot.app.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.taskbot.app.support.Admins;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.TaskEventsConsumer;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection failure sets the event aside in the dead-letter queue, with every later event of the same task behind
 * it, while other tasks go on; an admin lists it, and a retry once the cause is gone applies the whole sequence in
 * order. The Kafka publisher is no read model: it publishes the poisoned task's events all the same.
 */
// a write whose read model is stuck answers 503 after this long instead of 5 s
@TaskbotApp(properties = "taskbot.read-your-writes.timeout=500ms")
class DeadLettersIT {

    private static final String POISON = "poison";

    static RunningApp app;
    static ApiClient client;
    static String admin;

    @BeforeAll
    static void connect(RunningApp running) {
        app = running;
        client = app.client();
        admin = Admins.login(client);
    }

    private static JsonNode deadLetters() {
        Response listed = client.get("/api/admin/dead-letters", admin);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json();
    }

    private static JsonNode retry(String processor) {
        Response retried = client.post("/api/admin/dead-letters/" + processor + "/retry", admin, Map.of());
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        return retried.json();
    }

    @Test
    void aPoisonEventWaitsInTheQueueOthersFlowOnAndARetryAppliesItOnceFixed() throws Exception {
        User user = Users.register(client, "poisoned");
        assertThat(client.post("/api/v1/tasks", user.token(), Map.of("title", POISON)).status()).isEqualTo(201);
        // break the read-model write: a second task of that title now violates a unique index
        MongoDatabase readModels = app.bean(MongoDatabase.class);
        readModels.getCollection("tasks").createIndex(Indexes.ascending("title"),
                new IndexOptions().unique(true).name("break_the_projection"));

        Response poisoned = client.post("/api/v1/tasks", user.token(), Map.of("title", POISON));
        assertThat(poisoned.status()).as("stored, but the read model cannot show it").isEqualTo(503);
        long poisonedId = findIdInHistoryOfLatestTask(user);
        Response renamed = client.put("/api/v1/tasks/" + poisonedId, user.token(), Map.of("title", "antidote"));
        assertThat(renamed.status()).as("its later events wait behind it").isEqualTo(503);

        Response healthy = client.post("/api/v1/tasks", user.token(), Map.of("title", "healthy"));
        assertThat(healthy.status()).as("other tasks go on").isEqualTo(201);
        assertThat(client.get("/api/v1/tasks/" + healthy.json().get("id").asLong(), user.token()).status())
                .isEqualTo(200);

        JsonNode letters = deadLetters();
        assertThat(letters).hasSize(2);
        JsonNode first = letters.get(0);
        assertThat(first.get("processor").asText()).isEqualTo("tasks");
        assertThat(first.get("read_model").asText()).isEqualTo("tasks");
        assertThat(first.get("sequence").asText()).isEqualTo(Long.toString(poisonedId));
        assertThat(first.get("event_type").asText()).isEqualTo("TaskCreatedEvent");
        assertThat(first.get("sequence_number").asLong()).isZero();
        assertThat(first.at("/cause/type").asText()).contains("MongoWriteException");
        JsonNode second = letters.get(1);
        assertThat(second.get("event_type").asText()).isEqualTo("TaskRenamedEvent");
        assertThat(second.get("sequence_number").asLong()).isEqualTo(1);
        assertThat(second.has("cause")).as("it only waits behind the first").isFalse();

        JsonNode stillBroken = retry("tasks");
        assertThat(stillBroken.get("retried").asInt()).isZero();
        assertThat(stillBroken.get("remaining").asLong()).isEqualTo(2);
        assertThat(deadLetters()).hasSize(2);

        readModels.getCollection("tasks").dropIndex("break_the_projection");
        JsonNode fixed = retry("tasks");
        assertThat(fixed.get("retried").asInt()).isEqualTo(1);
        assertThat(fixed.get("remaining").asLong()).isZero();
        assertThat(deadLetters()).isEmpty();

        Response recovered = client.get("/api/v1/tasks/" + poisonedId, user.token());
        assertThat(recovered.status()).isEqualTo(200);
        assertThat(recovered.json().get("title").asText()).as("both events, in order").isEqualTo("antidote");
        assertThat(client.put("/api/v1/tasks/" + poisonedId, user.token(), Map.of("status", "completed")).status())
                .as("and it is live again").isEqualTo(200);

        String bootstrapServers = String.join(",", app.bean(KafkaConnectionDetails.class).getBootstrapServers());
        try (TaskEventsConsumer consumer = new TaskEventsConsumer(bootstrapServers, "taskbot.task-events",
                app.dataDir())) {
            List<TaskEventsConsumer.Received> published = consumer.pollUntil(
                    records -> TaskEventsConsumer.ofTask(records, poisonedId).size() >= 3, Duration.ofSeconds(60));
            assertThat(TaskEventsConsumer.distinct(TaskEventsConsumer.ofTask(published, poisonedId)))
                    .extracting(TaskEventsConsumer.Received::type)
                    .containsExactly("io.taskbot.task.created", "io.taskbot.task.renamed",
                            "io.taskbot.task.completed");
        }
    }

    /** The read model cannot name the poisoned task, so its id comes from the event store's audit history. */
    private static long findIdInHistoryOfLatestTask(User user) {
        long candidate = client.get("/api/v1/tasks", user.token()).json().get(0).get("id").asLong() + 1;
        Response history = client.get("/api/v1/tasks/" + candidate + "/history", user.token());
        assertThat(history.status()).as("the poisoned task is stored: " + history.body()).isEqualTo(200);
        return candidate;
    }

    @Test
    void retryingAnUnknownProcessorIsNotFound() {
        Response unknown = client.post("/api/admin/dead-letters/task-events-publisher/retry", admin, Map.of());
        assertThat(unknown.status()).as("the publisher has no dead letters: it retries in order").isEqualTo(404);
        assertThat(unknown.json().at("/error/code").asText()).isEqualTo("NOT_FOUND");
    }
}
