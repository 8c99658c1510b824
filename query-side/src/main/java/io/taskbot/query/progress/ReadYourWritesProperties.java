package io.taskbot.query.progress;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code taskbot.read-your-writes.*}: how a client's own write is awaited before the read that follows it.
 *
 * @param timeout how long a query that must reflect a write waits for the read model before it answers that the
 *                read model lags behind
 */
@Validated
@ConfigurationProperties("taskbot.read-your-writes")
public record ReadYourWritesProperties(
        @NotNull @DurationMin(nanos = 1, message = "must be a positive duration") @DefaultValue("5s") Duration timeout) {
}
