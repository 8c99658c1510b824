package io.taskbot.query.task;

import com.mongodb.client.MongoDatabase;
import io.taskbot.query.progress.ProjectionProgress;
import io.taskbot.query.progress.ReadYourWritesProperties;
import io.taskbot.query.readmodel.ReadModelPointers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the task read model onto the read-model database that the application provides. Its projections are not
 * beans: each generation gets its own, run by the read-model supervisor.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadYourWritesProperties.class)
class TaskReadModelConfiguration {

    @Bean
    ProjectionProgress<StoredTask> taskProgress(ReadYourWritesProperties readYourWrites) {
        return new ProjectionProgress<>(readYourWrites.timeout());
    }

    @Bean
    TaskReadModel taskReadModel(MongoDatabase readModelDatabase, ReadModelPointers readModelPointers,
                                ProjectionProgress<StoredTask> taskProgress, QueryUpdateEmitter queryUpdateEmitter) {
        return new TaskReadModel(readModelDatabase, readModelPointers, taskProgress,
                new TaskChangeNotifier(queryUpdateEmitter));
    }

    @Bean
    TaskQueryHandler taskQueryHandler(TaskReadModel taskReadModel, ProjectionProgress<StoredTask> taskProgress) {
        return new TaskQueryHandler(taskReadModel::activeGeneration, taskReadModel::store, taskProgress);
    }
}
