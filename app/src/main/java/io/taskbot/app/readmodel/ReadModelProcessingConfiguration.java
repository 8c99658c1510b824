package io.taskbot.app.readmodel;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Orders the two stores of every projection: the read-model writes of a batch are made durable before the batch's
 * tracking token is committed to the event-store database. A crash can then only make a projection handle events
 * again (which it does idempotently), never skip events whose token was already saved.
 * <p>
 * The read models' own processors are built by the query side, one per generation; they take the interceptor as a
 * bean qualified {@code readModelProcessing}. Axon's configured processors (the Kafka publisher) get it as a default.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelProcessingConfiguration {

    /** Static, so that the method below can take it while this configuration is being built. */
    @Bean
    @Qualifier("readModelProcessing")
    static MessageHandlerInterceptor<EventMessage<?>> flushReadModelsBeforeTokens(ReadModelDurability durability) {
        return new FlushBeforeCommit(durability);
    }

    @Autowired
    void flushBeforeTokensInAxonsProcessors(EventProcessingConfigurer processing,
                                     @Qualifier("readModelProcessing")
                                     MessageHandlerInterceptor<EventMessage<?>> flushReadModelsBeforeTokens) {
        processing.registerDefaultHandlerInterceptor((configuration, processorName) -> flushReadModelsBeforeTokens);
    }

    /**
     * In Axon's configured processors (the Kafka publisher), a failing handler stops its segment, which retries with
     * back-off, instead of being logged and skipped: a skipped event would be missing from the topic for good. The
     * read models set failing events aside in a dead-letter queue instead, see the query side's read-model package.
     */
    @Autowired
    void retryFailedEventsInsteadOfSkippingThem(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    private record FlushBeforeCommit(ReadModelDurability durability)
            implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
                throws Exception {
            Object result = interceptorChain.proceed();
            // registered after the handlers, so it runs after the writes a handler defers to the end of the batch
            // (the task projection writes its batch when it prepares to commit)
            unitOfWork.onPrepareCommit(committing -> durability.flush());
            return result;
        }
    }
}
