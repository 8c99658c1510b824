package io.taskbot.query.readmodel;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/**
 * Wires the rebuildable read models onto the application's event store, token store, transactions and read-model
 * database. The application contributes the interceptors every read-model unit of work runs through as beans
 * qualified {@value #INTERCEPTORS} (it makes the read-model writes durable before the tokens commit).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadModelSettings.class)
class ReadModelConfiguration {

    static final String INTERCEPTORS = "readModelProcessing";

    @Bean
    ReadModelPointers readModelPointers(MongoDatabase readModelDatabase) {
        return new ReadModelPointers(readModelDatabase);
    }

    @Bean
    StoredTokens storedTokens(ConnectionProvider connectionProvider, Serializer serializer) {
        return new StoredTokens(connectionProvider, serializer);
    }

    @Bean
    EventPositions eventPositions(ConnectionProvider connectionProvider) {
        return new EventPositions(connectionProvider);
    }

    @Bean
    GenerationProcessors generationProcessors(EventStore eventStore, TokenStore tokenStore,
                                              TransactionManager axonTransactionManager,
                                              ConnectionProvider connectionProvider, Serializer serializer,
                                              @Qualifier("eventSerializer") Serializer eventSerializer,
                                              @Qualifier(INTERCEPTORS)
                                              ObjectProvider<MessageHandlerInterceptor<EventMessage<?>>> interceptors,
                                              ReadModelSettings settings) {
        List<MessageHandlerInterceptor<? super EventMessage<?>>> all = List.copyOf(interceptors.orderedStream().toList());
        return new GenerationProcessors(eventStore, tokenStore, axonTransactionManager, connectionProvider, serializer,
                eventSerializer, all, settings);
    }

    @Bean
    ReadModelSupervisor readModelSupervisor(List<RebuildableReadModel> readModels, ReadModelPointers pointers,
                                            GenerationProcessors processors, StoredTokens tokens,
                                            TokenStore tokenStore, TransactionManager axonTransactionManager,
                                            EventStore eventStore, MongoDatabase readModelDatabase,
                                            ReadModelSettings settings) {
        return new ReadModelSupervisor(readModels, pointers, processors, tokens, tokenStore, axonTransactionManager,
                eventStore, readModelDatabase, settings, Clock.systemUTC());
    }

    @Bean
    ReadModelAdministration readModelAdministration(List<RebuildableReadModel> readModels, ReadModelPointers pointers,
                                                    StoredTokens tokens, ReadModelSupervisor supervisor,
                                                    GenerationProcessors processors,
                                                    TransactionManager axonTransactionManager) {
        return new ReadModelAdministration(readModels, pointers, tokens, supervisor, processors,
                axonTransactionManager, Clock.systemUTC());
    }
}
