package io.taskbot.app.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.taskbot.app.account.LoginThrottle;
import io.taskbot.app.account.TooManyFailedLoginsException;
import io.taskbot.app.config.TaskbotProperties.Limit;

import java.time.Duration;

/**
 * {@code taskbot.rate-limits.failed-logins} per account, in the same buckets as the request limits: in PostgreSQL,
 * shared by every node, when the event store is there.
 */
final class FailedLoginLimit implements LoginThrottle {

    private final RateLimitRules.Rule rule;
    private final RateLimitBuckets buckets;

    FailedLoginLimit(Limit limit, RateLimitBuckets buckets) {
        this.rule = new RateLimitRules.Rule("failed-logins", limit, RateLimitRules.Scope.USER);
        this.buckets = buckets;
    }

    @Override
    public void attempt(String account) {
        ConsumptionProbe probe = buckets.tryConsume(rule.key(account), rule.limit());
        if (!probe.isConsumed()) {
            throw new TooManyFailedLoginsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    @Override
    public void succeeded(String account) {
        buckets.giveBack(rule.key(account), rule.limit());
    }
}
