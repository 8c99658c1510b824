package io.taskbot.query.taskevents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Wires the publisher onto the Kafka producer, admin client and topic settings that the application provides. */
@Configuration(proxyBeanMethods = false)
class TaskEventPublishingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TaskEventPublishingConfiguration.class);

    /**
     * The topic settings, read here rather than handed over by the application, which reaches this module only through
     * Axon's gateways. The names and defaults are those of {@code taskbot.kafka.*} in the application's typed
     * configuration, which documents and validates them.
     */
    @Bean
    TaskEventsTopic taskEventsTopic(@Value("${taskbot.kafka.topic:taskbot.task-events}") String name,
                                    @Value("${taskbot.kafka.partitions:3}") int partitions,
                                    @Value("${taskbot.kafka.replication-factor:#{null}}") Short replicationFactor,
                                    @Value("${taskbot.kafka.source:/taskbot}") URI source,
                                    @Value("${taskbot.kafka.ack-timeout:30s}") Duration ackTimeout) {
        return new TaskEventsTopic(name, partitions, Optional.ofNullable(replicationFactor), source, ackTimeout);
    }

    @Bean
    TopicCreation taskEventsTopicCreation(KafkaAdmin kafkaAdmin, TaskEventsTopic taskEventsTopic) {
        return new TopicCreation(kafkaAdmin, taskEventsTopic);
    }

    @Bean
    TaskEventPublisher taskEventPublisher(KafkaOperations<String, byte[]> taskEventsKafkaTemplate,
                                          TopicCreation taskEventsTopicCreation, TaskEventsTopic taskEventsTopic) {
        return new TaskEventPublisher(taskEventsKafkaTemplate, taskEventsTopicCreation, taskEventsTopic);
    }

    /**
     * Creates the topic as soon as the application runs, so that consumers can subscribe before the first task
     * changes; in the background, because Kafka may be slow or away. The publisher tries again before its first
     * send if this attempt fails.
     */
    @Bean
    ApplicationListener<ContextRefreshedEvent> createTaskEventsTopicEarly(TopicCreation taskEventsTopicCreation) {
        return refreshed -> {
            Thread creator = new Thread(() -> {
                try {
                    taskEventsTopicCreation.ensureCreated();
                } catch (TaskEventsNotPublishedException e) {
                    log.warn("The task events topic is not there yet; the publisher creates it once Kafka answers: {}",
                            e.getMessage());
                }
            }, "task-events-topic");
            creator.setDaemon(true);
            creator.start();
        };
    }
}
