package io.taskbot.agent;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code taskbot.chat.*} bound as the application binds it, without starting the application. */
class AgentSettingsTest {

    @EnableConfigurationProperties(AgentSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        runner.run(context -> {
            AgentSettings settings = context.getBean(AgentSettings.class);
            assertThat(settings.provider()).isEqualTo("offline");
            assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(settings.memoryMessages()).isEqualTo(40);
            assertThat(settings.promptTasks()).isEqualTo(200);
            assertThat(settings.maxToolRounds()).isEqualTo(5);
        });
    }

    @Test
    void theProviderIsNamedInAnyCase() {
        runner.withPropertyValues("taskbot.chat.provider=Ollama", "taskbot.chat.base-url=http://127.0.0.1:11434",
                        "taskbot.chat.model=llama3.2")
                .run(context -> assertThat(context.getBean(AgentSettings.class).provider()).isEqualTo("Ollama"));
    }

    @Test
    void aWrongValueStopsTheStartUpAndNamesTheProperty() {
        assertFailure("taskbot.chat.provider=gpt", "provider", "must be offline, openai or ollama");
        assertFailure("taskbot.chat.timeout=0s", "timeout", "must be a positive duration");
        assertFailure("taskbot.chat.memory-messages=-1", "memoryMessages", "must be greater than or equal to 0");
        assertFailure("taskbot.chat.memory-messages=1000", "memoryMessages", "must be less than or equal to 999");
        assertFailure("taskbot.chat.prompt-tasks=0", "promptTasks", "must be greater than or equal to 1");
        assertFailure("taskbot.chat.max-tool-rounds=0", "maxToolRounds", "must be greater than or equal to 1");
    }

    @Test
    void theApiKeyStaysOutOfTheSettingsText() {
        runner.withPropertyValues("taskbot.chat.provider=openai", "taskbot.chat.api-key=sk-secret-value")
                .run(context -> assertThat(context.getBean(AgentSettings.class).toString())
                        .doesNotContain("sk-secret-value"));
    }

    private void assertFailure(String property, String field, String reason) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().message().contains("taskbot.chat", field, reason);
        });
    }
}
