package io.taskbot.query.taskevents;

import io.taskbot.task.TaskEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaOperations;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every task event to Kafka. It runs in a streaming processor of its own, so the REST API and the read
 * models never wait for Kafka, and its token records how far publishing got.
 * <p>
 * The events of one processor batch are handed to the producer one after the other, in store order, without waiting
 * for each; the batch commits (and its token moves on) only once Kafka acknowledged every one of them
 * (at-least-once). The producer is idempotent, so it keeps a partition's records in the order they were sent, also
 * across its own retries: a task's events reach its partition in the order they were stored. A send that fails
 * fails the batch, which rolls back and is retried from the token with growing pauses, all its events in order.
 * Waiting once per batch rather than once per event lets the producer put the events that queue up meanwhile into
 * one request, which is most of what publishing cost the node and the embedded broker.
 */
@ProcessingGroup(TaskEventsTopic.PUBLISHER_PROCESSING_GROUP)
class TaskEventPublisher {

    /** The sends of the batch being processed, a resource of the batch's unit of work. */
    private static final String SENDS = TaskEventPublisher.class.getName() + ".sends";

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
    void on(TaskEvent event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork) {
        topicCreation.ensureCreated();
        Sends sends = unitOfWork.root().getOrComputeResource(SENDS, key -> {
            Sends batch = new Sends();
            // before the transaction that stores the batch's token commits; a throw rolls the batch back
            unitOfWork.root().onPrepareCommit(committing -> batch.awaitAll());
            return batch;
        });
        // a send that already failed fails the batch now, rather than after every later send waited for Kafka too
        sends.throwIfAnyFailed();
        ProducerRecord<String, byte[]> record = records.toRecord(event, message);
        CompletableFuture<?> acknowledged;
        try {
            acknowledged = kafka.send(record);
        } catch (RuntimeException e) {
            throw notPublished(message, e);
        }
        sends.add(new Send(message, acknowledged));
    }

    private record Send(DomainEventMessage<?> message, CompletableFuture<?> acknowledged) {
    }

    /** The events of one batch handed to the producer, in store order. */
    private final class Sends {

        private final List<Send> sent = new ArrayList<>();

        void add(Send send) {
            sent.add(send);
        }

        void throwIfAnyFailed() {
            for (Send send : sent) {
                if (send.acknowledged().isCompletedExceptionally()) {
                    await(send, 0);
                }
            }
        }

        /** Waits for every acknowledgement, the whole batch at most the acknowledgement timeout. */
        void awaitAll() {
            long deadline = System.nanoTime() + topic.ackTimeout().toNanos();
            for (Send send : sent) {
                await(send, Math.max(0, deadline - System.nanoTime()));
            }
        }

        private void await(Send send, long nanos) {
            try {
                send.acknowledged().get(nanos, TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw notPublished(send.message(), e.getCause());
            } catch (TimeoutException e) {
                throw notPublished(send.message(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notPublished(send.message(), e);
            }
        }
    }

    private TaskEventsNotPublishedException notPublished(DomainEventMessage<?> message, Throwable cause) {
        // the retry recreates the topic if it was deleted meanwhile: brokers may not create topics on their own
        topicCreation.recheck();
        return new TaskEventsNotPublishedException("event " + message.getIdentifier() + " of task "
                + message.getAggregateIdentifier() + " was not acknowledged by Kafka on " + topic.name(), cause);
    }
}
