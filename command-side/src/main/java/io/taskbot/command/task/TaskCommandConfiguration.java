package io.taskbot.command.task;

import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** Wires the task write model; the Task repository itself comes from Axon's {@code @Aggregate} support. */
@Configuration(proxyBeanMethods = false)
class TaskCommandConfiguration {

    @Bean
    TaskIdAllocator taskIdAllocator(DataSource eventStoreDataSource) {
        return new SequenceTaskIdAllocator(eventStoreDataSource);
    }

    @Bean
    TaskCreationHandler taskCreationHandler(Repository<Task> taskRepository, TaskIdAllocator taskIdAllocator) {
        return new TaskCreationHandler(taskRepository, taskIdAllocator);
    }
}
