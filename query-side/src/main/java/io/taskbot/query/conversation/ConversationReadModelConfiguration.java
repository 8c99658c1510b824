package io.taskbot.query.conversation;

import com.mongodb.client.MongoDatabase;
import io.taskbot.query.progress.ProjectionProgress;
import io.taskbot.query.readmodel.EventPositions;
import io.taskbot.query.readmodel.ReadModelPointers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Wires the conversation history read model onto the read-model database. Its projections are not beans: each
 * generation gets its own, run by the read-model supervisor.
 */
@Configuration(proxyBeanMethods = false)
class ConversationReadModelConfiguration {

    @Bean
    ProjectionProgress<ConversationMark> conversationProgress(
            @Value("${taskbot.read-your-writes.timeout:5s}") Duration timeout) {
        return new ProjectionProgress<>(timeout);
    }

    @Bean
    ConversationHistoryReadModel conversationHistoryReadModel(MongoDatabase readModelDatabase,
                                                              ReadModelPointers readModelPointers,
                                                              ProjectionProgress<ConversationMark> conversationProgress,
                                                              EventPositions eventPositions) {
        return new ConversationHistoryReadModel(readModelDatabase, readModelPointers, conversationProgress,
                eventPositions);
    }

    @Bean
    ConversationQueryHandler conversationQueryHandler(ConversationHistoryReadModel conversationHistoryReadModel,
                                                      ProjectionProgress<ConversationMark> conversationProgress) {
        return new ConversationQueryHandler(conversationHistoryReadModel::activeGeneration,
                conversationHistoryReadModel::store, conversationProgress);
    }
}
