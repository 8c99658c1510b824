package io.taskbot.query.taskevents;

import io.taskbot.task.TaskEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.kafka.core.KafkaOperations;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every task event to Kafka. It runs in a streaming processor of its own, so the REST API and the read
 * models never wait for Kafka, and its token records how far publishing got.
 * <p>
 * Each event is sent and its acknowledgement awaited before the next one is handled: the token then only moves past
 * events Kafka has acknowledged (at-least-once), and a task's events reach its partition in the order they were
 * stored, even when a send fails and the batch is retried. A failed send throws, the processor rolls the batch back
 * and retries it from the token with growing pauses.
 */
@ProcessingGroup(TaskEventsTopic.PUBLISHER_PROCESSING_GROUP)
class TaskEventPublisher {

    private final KafkaOperations<String, byte[]> kafka;
    private final TaskEventRecords records;
    private final TopicCreation topicCreation;
    private final TaskEventsTopic topic;

    TaskEventPublisher(KafkaOperations<String, byte[]> kafka, TopicCreation topicCreation, TaskEventsTopic topic) {
        this.kafka = kafka;
        this.records = new TaskEventRecords(topic);
        this.topicCreation = topicCreation;
        this.topic = topic;
    }

    @EventHandler
    void on(TaskEvent event, DomainEventMessage<?> message) {
        topicCreation.ensureCreated();
        ProducerRecord<String, byte[]> record = records.toRecord(event, message);
        try {
            kafka.send(record).get(topic.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw notPublished(message, e.getCause());
        } catch (TimeoutException e) {
            throw notPublished(message, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notPublished(message, e);
        }
    }

    private TaskEventsNotPublishedException notPublished(DomainEventMessage<?> message, Throwable cause) {
        // the retry recreates the topic if it was deleted meanwhile: brokers may not create topics on their own
        topicCreation.recheck();
        return new TaskEventsNotPublishedException("event " + message.getIdentifier() + " of task "
                + message.getAggregateIdentifier() + " was not acknowledged by Kafka on " + topic.name(), cause);
    }
}
