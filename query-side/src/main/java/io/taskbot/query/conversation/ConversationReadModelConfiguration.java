package io.taskbot.query.conversation;

import com.mongodb.client.MongoDatabase;
import io.taskbot.query.progress.ProjectionProgress;
import io.taskbot.query.progress.ReadYourWritesProperties;
import io.taskbot.query.readmodel.EventPositions;
import io.taskbot.query.readmodel.ReadModelPointers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the conversation history read model onto the read-model database. Its projections are not beans: each
 * generation gets its own, run by the read-model supervisor.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadYourWritesProperties.class)
class ConversationReadModelConfiguration {

    @Bean
    ProjectionProgress<ConversationMark> conversationProgress(ReadYourWritesProperties readYourWrites) {
        return new ProjectionProgress<>(readYourWrites.timeout());
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
