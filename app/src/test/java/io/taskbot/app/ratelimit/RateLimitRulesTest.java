package io.taskbot.app.ratelimit;

import io.taskbot.app.config.TaskbotProperties.Limit;
import io.taskbot.app.config.TaskbotProperties.RateLimits;
import io.taskbot.app.ratelimit.RateLimitRules.Rule;
import io.taskbot.app.ratelimit.RateLimitRules.Scope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitRulesTest {

    private static final RateLimitRules RULES = new RateLimitRules(new RateLimits(true, List.of(),
            Limit.valueOf("5/15m"), Limit.valueOf("100/1h"), Limit.valueOf("1000/1h"), Limit.valueOf("100/1m"),
            Limit.valueOf("60/1m"), Limit.valueOf("1000/1h"), Limit.valueOf("1000/1h"), Limit.valueOf("5/15m")));

    private static List<String> names(String path, Scope scope) {
        return RULES.rulesFor(path, scope).stream().map(Rule::name).toList();
    }

    @Test
    void contract004RegisterAndLoginArePerAddress() {
        assertThat(names("/v1/auth/register", Scope.ADDRESS)).containsExactly("v1-auth");
        assertThat(names("/v1/auth/login", Scope.ADDRESS)).containsExactly("v1-auth");
        assertThat(names("/v1/auth/login", Scope.USER)).isEmpty();
    }

    @Test
    void contract004TasksAndEverythingElseArePerUser() {
        assertThat(names("/v1/tasks", Scope.USER)).containsExactly("v1-tasks");
        assertThat(names("/v1/tasks/12/complete", Scope.USER)).containsExactly("v1-tasks");
        assertThat(names("/v1/tasksx", Scope.USER)).containsExactly("v1-other");
        assertThat(names("/v1/auth/me", Scope.USER)).containsExactly("v1-other");
        assertThat(names("/v1/auth/logout", Scope.USER)).containsExactly("v1-other");
        assertThat(names("/v1/unknown", Scope.USER)).containsExactly("v1-other");
        assertThat(names("/v1/tasks", Scope.ADDRESS)).isEmpty();
    }

    @Test
    void contract000IsPerAddressOverAllOfItsPaths() {
        for (String path : List.of("/api/v1/auth/login", "/api/v1/tasks/3", "/api/v1/health", "/api/v1")) {
            assertThat(names(path, Scope.ADDRESS)).as(path).containsExactly("api-v1");
            assertThat(names(path, Scope.USER)).as(path).isEmpty();
        }
    }

    @Test
    void contract003HasBothLimits() {
        assertThat(names("/api/chat", Scope.ADDRESS)).containsExactly("chat-address");
        assertThat(names("/api/chat", Scope.USER)).containsExactly("chat-user");
        assertThat(names("/api/chat/conversations", Scope.USER)).containsExactly("chat-user");
    }

    @Test
    void theMcpServerIsPerUser() {
        assertThat(names("/mcp", Scope.USER)).containsExactly("mcp-user");
        assertThat(names("/mcp", Scope.ADDRESS)).isEmpty();
        assertThat(names("/mcpx", Scope.USER)).isEmpty();
    }

    @Test
    void otherPathsAreNotLimited() {
        for (String path : List.of("/actuator/health", "/error", "/", "/api/v10", "/v10/tasks")) {
            assertThat(RULES.rulesFor(path, Scope.ADDRESS)).as(path).isEmpty();
            assertThat(RULES.rulesFor(path, Scope.USER)).as(path).isEmpty();
        }
    }

    @Test
    void aChangedLimitGetsFreshBuckets() {
        Rule before = new Rule("v1-auth", new Limit(5, Duration.ofMinutes(15)), Scope.ADDRESS);
        Rule after = new Rule("v1-auth", new Limit(10, Duration.ofMinutes(15)), Scope.ADDRESS);

        assertThat(before.key("address:203.0.113.9")).isNotEqualTo(after.key("address:203.0.113.9"));
    }
}
