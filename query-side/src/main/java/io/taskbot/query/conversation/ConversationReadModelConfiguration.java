package io.taskbot.query.conversation;

import com.mongodb.client.MongoDatabase;
import io.taskbot.query.progress.ProjectionProgress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Wires the conversation history read model onto the read-model database. */
@Configuration(proxyBeanMethods = false)
class ConversationReadModelConfiguration {

    @Bean
    ConversationHistoryStore conversationHistoryStore(MongoDatabase readModelDatabase) {
        ConversationHistoryStore store = new ConversationHistoryStore(readModelDatabase);
        store.createIndexes();
        return store;
    }

    @Bean
    ProjectionProgress conversationProgress(@Value("${taskbot.read-your-writes.timeout:5s}") Duration timeout) {
        return new ProjectionProgress(timeout);
    }

    @Bean
    ConversationHistoryProjection conversationHistoryProjection(ConversationHistoryStore conversationHistoryStore,
                                                                ProjectionProgress conversationProgress) {
        return new ConversationHistoryProjection(conversationHistoryStore, conversationProgress);
    }

    @Bean
    ConversationQueryHandler conversationQueryHandler(ConversationHistoryStore conversationHistoryStore,
                                                      ProjectionProgress conversationProgress) {
        return new ConversationQueryHandler(conversationHistoryStore, conversationProgress);
    }
}
