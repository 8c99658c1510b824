package io.taskbot.query.task;

import com.mongodb.client.MongoDatabase;
import io.taskbot.query.progress.ProjectionProgress;
import io.taskbot.query.readmodel.ReadModelPointers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Wires the task read model onto the read-model database that the application provides. Its projections are not
 * beans: each generation gets its own, run by the read-model supervisor.
 */
@Configuration(proxyBeanMethods = false)
class TaskReadModelConfiguration {

    @Bean
    ProjectionProgress<StoredTask> taskProgress(@Value("${taskbot.read-your-writes.timeout:5s}") Duration timeout) {
        return new ProjectionProgress<>(timeout);
    }

    @Bean
    TaskReadModel taskReadModel(MongoDatabase readModelDatabase, ReadModelPointers readModelPointers,
                                ProjectionProgress<StoredTask> taskProgress) {
        return new TaskReadModel(readModelDatabase, readModelPointers, taskProgress);
    }

    @Bean
    TaskQueryHandler taskQueryHandler(TaskReadModel taskReadModel, ProjectionProgress<StoredTask> taskProgress) {
        return new TaskQueryHandler(taskReadModel::activeGeneration, taskReadModel::store, taskProgress);
    }
}
