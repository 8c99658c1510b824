package io.taskbot.query.readmodel;

import io.taskbot.readmodel.DeadLetterRetry;
import io.taskbot.readmodel.DeadLetters;
import io.taskbot.readmodel.FindDeadLettersQuery;
import io.taskbot.readmodel.FindReadModelsQuery;
import io.taskbot.readmodel.ReadModelStatus;
import io.taskbot.readmodel.ReadModelStatuses;
import io.taskbot.readmodel.RebuildReadModelCommand;
import io.taskbot.readmodel.RetryDeadLettersCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The operators' side of the read models: their state, rebuilds, and the events their projections set aside.
 * Reached through the gateways like every other query side capability.
 */
class ReadModelAdministration {

    private static final Logger log = LoggerFactory.getLogger(ReadModelAdministration.class);

    private final List<RebuildableReadModel> models;
    private final ReadModelPointers pointers;
    private final StoredTokens tokens;
    private final ReadModelSupervisor supervisor;
    private final GenerationProcessors processors;
    private final TransactionManager transactionManager;
    private final Clock clock;

    ReadModelAdministration(List<RebuildableReadModel> models, ReadModelPointers pointers, StoredTokens tokens,
                            ReadModelSupervisor supervisor, GenerationProcessors processors,
                            TransactionManager transactionManager, Clock clock) {
        this.models = List.copyOf(models);
        this.pointers = pointers;
        this.tokens = tokens;
        this.supervisor = supervisor;
        this.processors = processors;
        this.transactionManager = transactionManager;
        this.clock = clock;
    }

    @QueryHandler
    ReadModelStatuses handle(FindReadModelsQuery query) {
        long head = supervisor.head();
        return new ReadModelStatuses(models.stream().map(model -> status(model, head)).toList());
    }

    /** Starts a rebuild unless one is under way; the supervisors do the rest, starting with this node's right away. */
    @CommandHandler
    ReadModelStatus handle(RebuildReadModelCommand command) {
        RebuildableReadModel model = model(command.name())
                .orElseThrow(() -> new IllegalArgumentException("no read model named " + command.name()));
        Pointer pointer = pointers.load(model.name());
        if (pointer.rebuilding() == null && pointers.startRebuild(pointer, clock.instant())) {
            log.info("Rebuild of read model {} asked for: generation {} will be filled while generation {} answers",
                    model.name(), pointer.lastGeneration() + 1, pointer.active());
            supervisor.superviseSoon();
        }
        return status(model, supervisor.head());
    }

    @QueryHandler
    DeadLetters handle(FindDeadLettersQuery query) {
        List<DeadLetters.Processor> found = new ArrayList<>();
        for (RebuildableReadModel model : models) {
            for (String processor : currentProcessors(model)) {
                found.add(new DeadLetters.Processor(processor, model.name(), letters(processor)));
            }
        }
        return new DeadLetters(found);
    }

    /**
     * Retries every sequence of the processor once, oldest first. A sequence whose first letter fails again stays
     * where it is and the next one is tried, so one still-broken task does not hold the others back.
     */
    @CommandHandler
    DeadLetterRetry handle(RetryDeadLettersCommand command) {
        Optional<RunningGeneration> generation = supervisor.running(command.processor());
        if (generation.isEmpty()) {
            return DeadLetterRetry.unknown(command.processor());
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = processors.deadLetterQueue(command.processor());
        long sequences = transactionManager.fetchInTransaction(queue::amountOfSequences);
        int retried = 0;
        for (long attempt = 0; attempt < sequences; attempt++) {
            if (generation.get().deadLetters().processAny()) {
                retried++;
            }
        }
        long remaining = transactionManager.fetchInTransaction(queue::size);
        log.info("Retried the dead letters of {}: {} of {} sequences applied, {} letters remain", command.processor(),
                retried, sequences, remaining);
        return new DeadLetterRetry(command.processor(), true, retried, remaining);
    }

    private Optional<RebuildableReadModel> model(String name) {
        return models.stream().filter(model -> model.name().equals(name)).findFirst();
    }

    /** The processors of the generations a read model has now: the active one and, during a rebuild, the new one. */
    private Set<String> currentProcessors(RebuildableReadModel model) {
        Pointer pointer = pointers.load(model.name());
        Set<String> current = new LinkedHashSet<>();
        current.add(Generations.processor(model.name(), pointer.active()));
        if (pointer.rebuilding() != null) {
            current.add(Generations.processor(model.name(), pointer.rebuilding()));
        }
        return current;
    }

    private List<DeadLetters.Letter> letters(String processor) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processors.deadLetterQueue(processor);
        List<DeadLetters.Letter> letters = new ArrayList<>();
        transactionManager.executeInTransaction(() -> {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    letters.add(letter(letter));
                }
            }
        });
        return letters;
    }

    private static DeadLetters.Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String aggregateId = null;
        long sequenceNumber = -1;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequenceNumber = domain.getSequenceNumber();
        }
        Optional<Cause> cause = letter.cause();
        return new DeadLetters.Letter(aggregateId, message.getIdentifier(), message.getPayloadType().getSimpleName(),
                aggregateId, sequenceNumber, letter.enqueuedAt(), letter.lastTouched(),
                cause.map(Cause::type).orElse(null), cause.map(Cause::message).orElse(null));
    }

    private ReadModelStatus status(RebuildableReadModel model, long head) {
        Pointer pointer = pointers.load(model.name());
        long position = Positions.lowest(tokens.of(Generations.processor(model.name(), pointer.active())).values());
        ReadModelStatus.Rebuild rebuild = null;
        ReadModelStatus.State state = ReadModelStatus.State.LIVE;
        if (pointer.rebuilding() != null) {
            String processor = Generations.processor(model.name(), pointer.rebuilding());
            long rebuilt = Positions.lowest(tokens.of(processor).values());
            rebuild = new ReadModelStatus.Rebuild(pointer.rebuilding(), rebuilt, Math.max(0, head - rebuilt),
                    pointer.rebuildStartedAt(), supervisor.rate(processor));
            state = pointer.switching() ? ReadModelStatus.State.SWITCHING : ReadModelStatus.State.REBUILDING;
        }
        return new ReadModelStatus(model.name(), state, pointer.active(), position, Math.max(0, head - position),
                rebuild);
    }
}
