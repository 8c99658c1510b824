package io.taskbot.query.taskevents;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how task events are published, from the {@code taskbot.kafka.*} settings.
 *
 * @param name              the topic
 * @param partitions        partitions of the topic when it has to be created
 * @param replicationFactor replicas of the topic when it has to be created; empty takes the broker's default
 * @param source            the CloudEvents {@code source} attribute of every record
 * @param ackTimeout        the longest a batch of events waits for Kafka's acknowledgements before it is retried
 */
public record TaskEventsTopic(String name, int partitions, Optional<Short> replicationFactor, URI source,
                              Duration ackTimeout) {

    /**
     * The streaming processor (and token) of the publisher. A read-model rebuild must leave it alone: resetting its
     * token would publish every task event ever stored once more.
     */
    public static final String PUBLISHER_PROCESSING_GROUP = "task-events-publisher";

    public TaskEventsTopic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(replicationFactor, "replicationFactor");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the task events topic needs a name");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("the task events topic needs at least one partition, got " + partitions);
        }
    }
}
