package io.taskbot.query.taskevents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Wires the publisher onto the Kafka producer and admin client that the application provides, with the topic settings
 * of {@link TaskEventsProperties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TaskEventsProperties.class)
class TaskEventPublishingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TaskEventPublishingConfiguration.class);

    @Bean
    TaskEventsTopic taskEventsTopic(TaskEventsProperties properties) {
        return properties.toTopic();
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
