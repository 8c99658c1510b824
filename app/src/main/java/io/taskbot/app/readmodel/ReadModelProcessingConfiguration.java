package io.taskbot.app.readmodel;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
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

    /**
     * A failing handler stops its segment, which retries with back-off, instead of being logged and skipped: a
     * skipped event would leave the read model wrong for good.
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
            unitOfWork.onPrepareCommit(committing -> durability.flush());
            return interceptorChain.proceed();
        }
    }
}
