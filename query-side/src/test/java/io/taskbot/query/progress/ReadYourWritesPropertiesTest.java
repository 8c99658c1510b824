package io.taskbot.query.progress;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code taskbot.read-your-writes.*} bound as the application binds it, without starting the application. */
class ReadYourWritesPropertiesTest {

    @EnableConfigurationProperties(ReadYourWritesProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void waitsFiveSecondsUnlessToldOtherwise() {
        runner.run(context -> assertThat(context.getBean(ReadYourWritesProperties.class).timeout())
                .isEqualTo(Duration.ofSeconds(5)));
        runner.withPropertyValues("taskbot.read-your-writes.timeout=250ms")
                .run(context -> assertThat(context.getBean(ReadYourWritesProperties.class).timeout())
                        .isEqualTo(Duration.ofMillis(250)));
    }

    @Test
    void aTimeoutThatIsNotPositiveStopsTheStartUpAndSaysWhy() {
        for (String timeout : new String[]{"-1s", "0s"}) {
            runner.withPropertyValues("taskbot.read-your-writes.timeout=" + timeout).run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().message()
                        .contains("taskbot.read-your-writes", "timeout", "must be a positive duration");
            });
        }
    }

    @Test
    void aTimeoutThatIsNoDurationStopsTheStartUp() {
        runner.withPropertyValues("taskbot.read-your-writes.timeout=soon").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("Failed to bind properties under 'taskbot.read-your-writes.timeout'")
                    .hasRootCauseMessage("'soon' is not a valid duration");
        });
    }
}
