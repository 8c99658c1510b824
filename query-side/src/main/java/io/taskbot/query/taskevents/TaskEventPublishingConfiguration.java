package io.taskbot.query.taskevents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;

/** Wires the publisher onto the Kafka producer, admin client and topic settings that the application provides. */
@Configuration(proxyBeanMethods = false)
class TaskEventPublishingConfiguration {

    @Bean
    TaskEventPublisher taskEventPublisher(KafkaOperations<String, byte[]> taskEventsKafkaTemplate,
                                          KafkaAdmin kafkaAdmin, TaskEventsTopic taskEventsTopic) {
        return new TaskEventPublisher(taskEventsKafkaTemplate, new TopicCreation(kafkaAdmin, taskEventsTopic),
                taskEventsTopic);
    }
}
