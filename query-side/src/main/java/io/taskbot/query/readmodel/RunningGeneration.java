package io.taskbot.query.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;

/**
 * One generation of a read model being processed on this node: its tracking processor and the dead-letter
 * processor that retries the events it set aside.
 */
record RunningGeneration(RebuildableReadModel model, int generation, TrackingEventProcessor processor,
                         SequencedDeadLetterProcessor<EventMessage<?>> deadLetters) {

    String name() {
        return processor.getName();
    }
}
