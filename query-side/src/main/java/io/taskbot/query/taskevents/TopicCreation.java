package io.taskbot.query.taskevents;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topic before the first record is sent, on the publisher's thread rather than at startup, so that the
 * application starts while Kafka is away and the topic still gets its partitions once Kafka is back (instead of
 * being auto-created by the broker with its defaults). An existing topic is left exactly as it is: adding partitions
 * would send a task's later events to another partition than its earlier ones.
 */
final class TopicCreation {

    private static final Logger log = LoggerFactory.getLogger(TopicCreation.class);
    /**
     * The longest one attempt waits for Kafka. It runs inside the publisher's event handler, which Axon interrupts
     * (logging an error) after 30 s: a broker still starting gets a warning and a retry of the batch instead.
     */
    private static final Duration LONGEST_ATTEMPT = Duration.ofSeconds(10);

    private final KafkaAdmin kafkaAdmin;
    private final TaskEventsTopic topic;
    private volatile boolean created;

    TopicCreation(KafkaAdmin kafkaAdmin, TaskEventsTopic topic) {
        this.kafkaAdmin = kafkaAdmin;
        this.topic = topic;
    }

    /** Returns once the topic exists; throws when Kafka cannot say so within the ack timeout, 10 s at most. */
    void ensureCreated() {
        if (created) {
            return;
        }
        NewTopic newTopic = new NewTopic(topic.name(), Optional.of(topic.partitions()),
                topic.replicationFactor());
        Duration timeout = topic.ackTimeout().compareTo(LONGEST_ATTEMPT) < 0 ? topic.ackTimeout() : LONGEST_ATTEMPT;
        Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        try {
            admin.createTopics(List.of(newTopic), new CreateTopicsOptions().timeoutMs((int) timeout.toMillis()))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created topic {} with {} partitions", topic.name(), topic.partitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new TaskEventsNotPublishedException("could not create topic " + topic.name(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new TaskEventsNotPublishedException("Kafka did not answer within " + timeout
                    + " while creating topic " + topic.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskEventsNotPublishedException("interrupted while creating topic " + topic.name(), e);
        } finally {
            // without a bound, closing waits for the abandoned request when Kafka is away
            admin.close(Duration.ZERO);
        }
        created = true;
    }

    /** Makes the next {@link #ensureCreated()} ask Kafka again, e.g. after a send failed because the topic is gone. */
    void recheck() {
        created = false;
    }
}
