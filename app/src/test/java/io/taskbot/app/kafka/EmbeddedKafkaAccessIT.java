package io.taskbot.app.kafka;

import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.TaskEventsConsumer;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded broker takes only its own account: a local process without the password in the data dir can neither
 * read the task events nor publish a forged {@code task.deleted}, while the application and a consumer that uses the
 * kept password go on as before.
 */
@TaskbotApp
class EmbeddedKafkaAccessIT {

    private static final String TOPIC = "taskbot.task-events";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static Path dataDir;
    static RunningApp app;
    static String bootstrapServers;

    @BeforeAll
    static void connect(RunningApp running) {
        app = running;
        dataDir = app.dataDir();
        bootstrapServers = String.join(",", app.bean(KafkaConnectionDetails.class).getBootstrapServers());
    }

    @Test
    void thePasswordIsKeptInTheDataDirForItsOwnerOnly() throws Exception {
        Path file = dataDir.resolve(EmbeddedKafkaCredentials.PASSWORD_FILE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file).strip()).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void aClientWithoutCredentialsGetsNothing() {
        Map<String, Object> anonymous = new HashMap<>();
        anonymous.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        anonymous.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        anonymous.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .as("a plaintext client is disconnected before it can ask anything")
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void aClientWithAWrongPasswordCannotPublishAForgedEvent() {
        Map<String, Object> forger = new HashMap<>();
        forger.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        forger.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        forger.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        forger.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"" + EmbeddedKafkaCredentials.USERNAME + "\" password=\"guessed\";");
        forger.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(forger, new StringSerializer(),
                new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "1", "{\"task_id\":1}"))
                    .get(30, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void theApplicationPublishesAndAConsumerWithTheKeptPasswordReads() {
        ApiClient client = app.client();
        User user = Users.register(client, "kafka-access");
        ApiClient.Response created = client.post("/api/v1/tasks", user.token(), Map.of("title", "Lock the door"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();

        try (TaskEventsConsumer consumer = new TaskEventsConsumer(bootstrapServers, TOPIC, dataDir)) {
            List<TaskEventsConsumer.Received> received = consumer.pollUntil(
                    records -> !TaskEventsConsumer.ofTask(records, id).isEmpty(), PATIENCE);
            assertThat(TaskEventsConsumer.ofTask(received, id)).extracting(TaskEventsConsumer.Received::type)
                    .containsExactly("io.taskbot.task.created");
        }
    }
}
