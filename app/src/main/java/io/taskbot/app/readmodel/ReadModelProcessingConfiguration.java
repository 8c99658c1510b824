package io.taskbot.app.readmodel;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Orders the two stores of every projection: the read-model writes of a batch are made durable before the batch's
 * tracking token is committed to the event-store database. A crash can then only make a projection handle events
 * again (which it does idempotently), never skip events whose token was already saved.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelProcessingConfiguration {

    @Autowired
    void flushReadModelsBeforeTokens(EventProcessingConfigurer processing, ReadModelDurability durability) {
        processing.registerDefaultHandlerInterceptor((configuration, processorName) -> new FlushBeforeCommit(durability));
    }

    private record FlushBeforeCommit(ReadModelDurability durability)
            implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
                throws Exception {
            unitOfWork.onPrepareCommit(committing -> durability.flush());
            return interceptorChain.proceed();
        }
    }
}
