package io.taskbot.query.taskevents;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code taskbot.kafka.*} of the publisher, bound as the application binds it, without starting the application. */
class TaskEventsPropertiesTest {

    @EnableConfigurationProperties(TaskEventsProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        runner.run(context -> assertThat(context.getBean(TaskEventsProperties.class).toTopic()).isEqualTo(
                new TaskEventsTopic("taskbot.task-events", 3, Optional.empty(), URI.create("/taskbot"),
                        Duration.ofSeconds(30))));
    }

    @Test
    void everySettingIsRead() {
        runner.withPropertyValues("taskbot.kafka.topic=tasks", "taskbot.kafka.partitions=6",
                        "taskbot.kafka.replication-factor=3", "taskbot.kafka.source=https://taskbot.example/eu",
                        "taskbot.kafka.ack-timeout=1m",
                        // the application's embedded broker reads this one; the publisher ignores it
                        "taskbot.kafka.embedded-port=0")
                .run(context -> assertThat(context.getBean(TaskEventsProperties.class).toTopic()).isEqualTo(
                        new TaskEventsTopic("tasks", 6, Optional.of((short) 3),
                                URI.create("https://taskbot.example/eu"), Duration.ofMinutes(1))));
    }

    @Test
    void aWrongValueStopsTheStartUpAndNamesTheProperty() {
        assertFailure("taskbot.kafka.topic= ", "topic", "must not be blank");
        assertFailure("taskbot.kafka.partitions=0", "partitions", "must be greater than or equal to 1");
        assertFailure("taskbot.kafka.replication-factor=0", "replicationFactor", "must be greater than or equal to 1");
        assertFailure("taskbot.kafka.ack-timeout=-5s", "ackTimeout", "must be a positive duration");
    }

    private void assertFailure(String property, String field, String reason) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message().contains("taskbot.kafka", field, reason);
        });
    }
}
