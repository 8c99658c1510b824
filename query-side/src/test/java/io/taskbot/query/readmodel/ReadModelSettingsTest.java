package io.taskbot.query.readmodel;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code taskbot.read-models.*} bound as the application binds it, without starting the application. */
class ReadModelSettingsTest {

    @EnableConfigurationProperties(ReadModelSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        runner.run(context -> {
            ReadModelSettings settings = context.getBean(ReadModelSettings.class);
            assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(settings.switchLag()).isEqualTo(500);
            assertThat(settings.switchTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(settings.retiredGrace()).isEqualTo(Duration.ofMinutes(10));
            assertThat(settings.progressLogInterval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(settings.batchSize()).isEqualTo(500);
            assertThat(settings.processing("tasks")).isEqualTo(new ReadModelSettings.Processing(1, 1));
        });
    }

    @Test
    void processingIsSetPerReadModel() {
        runner.withPropertyValues("taskbot.read-models.processing.tasks.threads=2",
                        "taskbot.read-models.processing.tasks.segments=4")
                .run(context -> {
                    ReadModelSettings settings = context.getBean(ReadModelSettings.class);
                    assertThat(settings.processing("tasks")).isEqualTo(new ReadModelSettings.Processing(2, 4));
                    assertThat(settings.processing("conversation-history"))
                            .isEqualTo(new ReadModelSettings.Processing(1, 1));
                });
    }

    @Test
    void aWrongValueStopsTheStartUpAndNamesTheProperty() {
        assertFailure("taskbot.read-models.poll-interval=0s", "pollInterval", "must be a positive duration");
        assertFailure("taskbot.read-models.switch-timeout=-1s", "switchTimeout", "must be a positive duration");
        assertFailure("taskbot.read-models.retired-grace=-1m", "retiredGrace", "must not be a negative duration");
        assertFailure("taskbot.read-models.switch-lag=-1", "switchLag", "must be greater than or equal to 0");
        assertFailure("taskbot.read-models.batch-size=0", "batchSize", "must be greater than or equal to 1");
        assertFailure("taskbot.read-models.processing.tasks.threads=0", "processing[tasks].threads",
                "must be greater than or equal to 1");
    }

    private void assertFailure(String property, String field, String reason) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message()
                    .contains("taskbot.read-models", field, reason);
        });
    }
}
