package io.taskbot.query.task;

import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    TaskProjection taskProjection(TaskViewStore taskViewStore, QueryUpdateEmitter queryUpdateEmitter) {
        return new TaskProjection(taskViewStore, queryUpdateEmitter);
    }

    @Bean
    TaskQueryHandler taskQueryHandler(TaskViewStore taskViewStore) {
        return new TaskQueryHandler(taskViewStore);
    }
}
