package io.taskbot.query.taskevents;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code taskbot.kafka.*}: where and how task events are published. The broker connection itself is configured with
 * the usual {@code spring.kafka.*} properties; the application's embedded broker has settings of its own under the
 * same prefix.
 *
 * @param topic             the topic every task event is published to
 * @param partitions        partitions of the topic when the publisher creates it; never changed afterwards,
 *                          because adding partitions would move tasks to other partitions and break their order
 * @param replicationFactor replicas of the topic when the publisher creates it; unset takes the broker's default
 * @param source            the CloudEvents {@code source} of every published event
 * @param ackTimeout        the longest a batch of events waits for Kafka's acknowledgements before it is retried;
 *                          a safety net above the producer's own {@code delivery.timeout.ms}
 */
@Validated
@ConfigurationProperties("taskbot.kafka")
public record TaskEventsProperties(
        @NotBlank @DefaultValue("taskbot.task-events") String topic,
        @Min(1) @DefaultValue("3") int partitions,
        @Min(1) Short replicationFactor,
        @NotNull @DefaultValue("/taskbot") URI source,
        @NotNull @DurationMin(nanos = 1, message = "must be a positive duration") @DefaultValue("30s")
        Duration ackTimeout) {

    TaskEventsTopic toTopic() {
        return new TaskEventsTopic(topic, partitions, Optional.ofNullable(replicationFactor), source, ackTimeout);
    }
}
