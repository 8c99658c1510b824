package io.taskbot.app.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's {@code taskbot.*} settings bound as at start-up, without starting the application. */
class TaskbotPropertiesTest {

    @EnableConfigurationProperties(TaskbotProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        runner.run(context -> {
            TaskbotProperties properties = context.getBean(TaskbotProperties.class);
            assertThat(properties.absoluteDataDir()).isEqualTo(Path.of("data").toAbsolutePath());
            assertThat(properties.mongodb().embedded()).isTrue();
            assertThat(properties.mongodb().database()).isEqualTo("taskbot");
            assertThat(properties.jwt().ttl()).isEqualTo(Duration.ofHours(1));
            assertThat(properties.jwt().issuer()).isEqualTo("taskbot");
            assertThat(properties.admins()).isEmpty();
            assertThat(properties.kafka().embeddedPort()).isEqualTo(9092);
            assertThat(properties.web().maxBodySize()).isEqualTo(DataSize.ofKilobytes(64));
            assertThat(properties.processing().claimTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.commands().concurrencyRetries()).isEqualTo(5);
        });
    }

    @Test
    void theDocumentedNamesAreRead() {
        runner.withPropertyValues("taskbot.data-dir=/var/lib/taskbot", "taskbot.mongodb.uri=mongodb://db:27017",
                        "taskbot.jwt.secret=0123456789abcdef0123456789abcdef", "taskbot.admins=a@example.com, b@example.com",
                        "taskbot.kafka.embedded-port=0", "taskbot.web.max-body-size=1MB",
                        "taskbot.processing.claim-timeout=30s", "taskbot.commands.concurrency-retries=0",
                        "taskbot.rate-limits.enabled=false")
                .run(context -> {
                    TaskbotProperties properties = context.getBean(TaskbotProperties.class);
                    assertThat(properties.absoluteDataDir()).isEqualTo(Path.of("/var/lib/taskbot"));
                    assertThat(properties.mongodb().embedded()).isFalse();
                    assertThat(properties.jwt().secret()).isEqualTo("0123456789abcdef0123456789abcdef");
                    assertThat(properties.isAdmin("B@example.com")).isTrue();
                    assertThat(properties.isAdmin("c@example.com")).isFalse();
                    assertThat(properties.kafka().embeddedPort()).isZero();
                    assertThat(properties.web().maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
                    assertThat(properties.processing().claimTimeout()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.commands().concurrencyRetries()).isZero();
                    assertThat(properties.rateLimits().enabled()).isFalse();
                });
    }

    @Test
    void aWrongValueStopsTheStartUpAndSaysWhichAndWhy() {
        assertFailure("taskbot.jwt.ttl=-1s", "jwt.ttl", "must be a positive duration");
        assertFailure("taskbot.jwt.issuer= ", "jwt.issuer", "must not be blank");
        assertFailure("taskbot.mongodb.database=", "mongodb.database", "must not be blank");
        assertFailure("taskbot.kafka.embedded-port=65536", "kafka.embeddedPort", "must be less than or equal to 65535");
        assertFailure("taskbot.kafka.embedded-port=-1", "kafka.embeddedPort", "must be greater than or equal to 0");
        assertFailure("taskbot.processing.claim-timeout=0s", "processing.claimTimeout", "must be a positive duration");
        assertFailure("taskbot.commands.concurrency-retries=-1", "commands.concurrencyRetries",
                "must be greater than or equal to 0");
    }

    @Test
    void aValueThatCannotBeBuiltStopsTheStartUpWithItsReason() {
        assertBindFailure("taskbot.web.max-body-size=0B", "taskbot.web", "taskbot.web.max-body-size must be positive");
        assertBindFailure("taskbot.rate-limits.v1-auth=0/1m", "taskbot.rate-limits.v1-auth",
                "a limit allows at least one request");
        assertBindFailure("taskbot.rate-limits.api-v1=100", "taskbot.rate-limits.api-v1",
                "a limit is written <requests>/<period>");
    }

    private void assertFailure(String property, String field, String reason) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message().contains("taskbot", field, reason);
        });
    }

    private void assertBindFailure(String property, String boundName, String reason) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("Failed to bind properties under '" + boundName + "'")
                    .rootCause().message().contains(reason);
        });
    }
}
