package io.taskbot.query.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.List;

/**
 * Builds the tracking processor of one read-model generation. Axon's configuration creates processors once, at
 * start-up, for the processing groups it finds; a rebuild needs a processor under a new name while the application
 * runs, so these are built here, from the same parts Axon would use: the event store as source, the token store,
 * the transaction manager and the application's read-model interceptors.
 * <p>
 * A new processor starts at the tail of the event store with a plain token. No {@code ReplayToken} is involved: a
 * rebuild is the very first run of a processor that has never run, the same path every fresh installation takes.
 * <p>
 * Handler failures go to a dead-letter queue of the processor, sequenced per aggregate: the failed event and every
 * later event of the same task or conversation wait there, in order, while all other aggregates go on.
 */
final class GenerationProcessors {

    private static final Logger log = LoggerFactory.getLogger(GenerationProcessors.class);
    private static final int HOST_UNREACHABLE = 6;

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final ConnectionProvider connections;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors;
    private final ReadModelSettings settings;

    GenerationProcessors(StreamableMessageSource<TrackedEventMessage<?>> events, TokenStore tokenStore,
                         TransactionManager transactionManager, ConnectionProvider connections,
                         Serializer serializer, Serializer eventSerializer,
                         List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors,
                         ReadModelSettings settings) {
        this.events = events;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.connections = connections;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
        this.interceptors = List.copyOf(interceptors);
        this.settings = settings;
    }

    RunningGeneration create(RebuildableReadModel model, int generation, ReadModelPointers pointers) {
        String name = Generations.processor(model.name(), generation);
        DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(model.projection(generation, () -> pointers.seenActive(model.name(), generation)))
                .sequencingPolicy(SequentialPerAggregatePolicy.instance())
                .queue(deadLetterQueue(name))
                .enqueuePolicy(GenerationProcessors::warnAndEnqueue)
                .transactionManager(transactionManager)
                // a queue that was empty when a segment was claimed is not asked about every single event
                .enableSequenceIdentifierCache()
                .build();
        ReadModelSettings.Processing processing = settings.processing(model.name());
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .messageSource(events)
                .tokenStore(tokenStore)
                .transactionManager(transactionManager)
                // a failure outside the handlers (the database, the token store) stops the segment, which retries
                .errorHandler(PropagatingErrorHandler.instance())
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(processing.threads())
                        .andInitialSegmentsCount(processing.segments())
                        .andBatchSize(settings.batchSize())
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
        // retried dead letters run outside the processor, so the invoker needs the interceptors as well
        interceptors.forEach(interceptor -> {
            processor.registerHandlerInterceptor(interceptor);
            invoker.registerHandlerInterceptor(interceptor);
        });
        return new RunningGeneration(model, generation, processor, invoker);
    }

    /**
     * Axon's default decision (set the event aside, its cause's message cut to what the table holds), said out loud:
     * an operator should learn from the log, not only from the admin endpoint, that a task stopped changing in a
     * read model. Also decides again when a retry fails once more.
     */
    private static EnqueueDecision<EventMessage<?>> warnAndEnqueue(DeadLetter<? extends EventMessage<?>> letter,
                                                                   Throwable cause) {
        if (readStoreUnavailable(cause)) {
            // not this event's fault: thrown on, the batch rolls back and the segment retries it once the store is
            // back, instead of the event waiting for an admin (a full disk closes the embedded store, for instance)
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        EventMessage<?> event = letter.message();
        String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "-";
        log.warn("A read model could not apply event {} ({} of aggregate {}); it waits in the dead-letter queue, with "
                        + "every later event of that aggregate, until an admin retries it: {}",
                event.getIdentifier(), event.getPayloadType().getSimpleName(), aggregate, cause.toString());
        return Decisions.enqueue(ThrowableCause.truncated(cause));
    }

    /**
     * The read-model database is away or cannot write (MongoDB's {@code HostUnreachable}, which the embedded server
     * answers while its store is closed), rather than refusing this event.
     */
    static boolean readStoreUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoException mongo && mongo.getCode() == HOST_UNREACHABLE) {
                return true;
            }
        }
        return false;
    }

    /** The dead letters of one processor; also for generations that no longer run here, to list or clear them. */
    SequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(String processor) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(processor)
                .connectionProvider(connections)
                .transactionManager(transactionManager)
                .eventSerializer(eventSerializer)
                .genericSerializer(serializer)
                .build();
    }
}
