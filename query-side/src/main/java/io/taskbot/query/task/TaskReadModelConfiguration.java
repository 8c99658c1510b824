package io.taskbot.query.task;

import com.mongodb.client.MongoDatabase;
import io.taskbot.query.progress.ProjectionProgress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Wires the task read model onto the read-model database that the application provides. */
@Configuration(proxyBeanMethods = false)
class TaskReadModelConfiguration {

    @Bean
    TaskViewStore taskViewStore(MongoDatabase readModelDatabase) {
        TaskViewStore store = new TaskViewStore(readModelDatabase);
        store.createIndexes();
        return store;
    }

    @Bean
    ProjectionProgress taskProgress(@Value("${taskbot.read-your-writes.timeout:5s}") Duration timeout) {
        return new ProjectionProgress(timeout);
    }

    @Bean
    TaskProjection taskProjection(TaskViewStore taskViewStore, ProjectionProgress taskProgress) {
        return new TaskProjection(taskViewStore, taskProgress);
    }

    @Bean
    TaskQueryHandler taskQueryHandler(TaskViewStore taskViewStore, ProjectionProgress taskProgress) {
        return new TaskQueryHandler(taskViewStore, taskProgress);
    }
}
