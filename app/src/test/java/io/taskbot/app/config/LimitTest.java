package io.taskbot.app.config;

import io.taskbot.app.config.TaskbotProperties.Limit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitTest {

    @Test
    void readsRequestsPerPeriod() {
        assertThat(Limit.valueOf("5/15m")).isEqualTo(new Limit(5, Duration.ofMinutes(15)));
        assertThat(Limit.valueOf(" 1000 / PT1H ")).isEqualTo(new Limit(1000, Duration.ofHours(1)));
    }

    @Test
    void refusesWhatIsNotALimit() {
        for (String text : new String[] {"5", "0/1m", "5/0s", "five/1m", "5/soon"}) {
            assertThatThrownBy(() -> Limit.valueOf(text)).as(text).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void bindsTheContractsDefaultsAndAnOperatorsOverride() {
        TaskbotProperties defaults = bind(Map.of());
        assertThat(defaults.rateLimits().enabled()).isTrue();
        assertThat(defaults.rateLimits().trustedProxies()).isEmpty();
        assertThat(defaults.rateLimits().v1Auth()).isEqualTo(Limit.valueOf("5/15m"));
        assertThat(defaults.rateLimits().v1Tasks()).isEqualTo(Limit.valueOf("100/1h"));
        assertThat(defaults.rateLimits().v1Other()).isEqualTo(Limit.valueOf("1000/1h"));
        assertThat(defaults.rateLimits().apiV1()).isEqualTo(Limit.valueOf("100/1m"));
        assertThat(defaults.rateLimits().chatPerAddress()).isEqualTo(Limit.valueOf("60/1m"));
        assertThat(defaults.rateLimits().chatPerUser()).isEqualTo(Limit.valueOf("1000/1h"));

        TaskbotProperties changed = bind(Map.of("taskbot.rate-limits.v1-auth", "10/5m",
                "taskbot.rate-limits.enabled", "false", "taskbot.rate-limits.trusted-proxies", "10.0.0.0/8,::1"));
        assertThat(changed.rateLimits().v1Auth()).isEqualTo(new Limit(10, Duration.ofMinutes(5)));
        assertThat(changed.rateLimits().enabled()).isFalse();
        assertThat(changed.rateLimits().trustedProxies()).containsExactly("10.0.0.0/8", "::1");
    }

    private static TaskbotProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("taskbot", TaskbotProperties.class);
    }
}
