package io.taskbot.query.audit;

import io.taskbot.task.FindTaskAsOfQuery;
import io.taskbot.task.FindTaskHistoryQuery;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskEvent;
import io.taskbot.task.TaskHistory;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskLookup;
import io.taskbot.user.UserId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers audit queries from the task's own stream in the event store rather than from a read model: the stream is
 * the record itself, complete and already holding the caller's latest write, with nothing to rebuild or to lag
 * behind. A task has tens of events, so reading them per request is cheap. Only the owner gets to see them.
 */
class TaskAuditQueryHandler {

    private final EventStore eventStore;

    TaskAuditQueryHandler(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    TaskHistory handle(FindTaskHistoryQuery query) {
        List<DomainEventMessage<?>> stream = read(query.taskId());
        Optional<UserId> owner = owner(stream);
        if (owner.isEmpty()) {
            return TaskHistory.notFound();
        }
        if (!owner.get().equals(query.requester())) {
            return TaskHistory.notOwner();
        }
        List<TaskHistory.Entry> entries = new ArrayList<>();
        for (DomainEventMessage<?> message : stream) {
            entries.add(HistoryEntries.of((TaskEvent) message.getPayload(), message.getSequenceNumber(),
                    message.getMetaData()));
        }
        return TaskHistory.found(entries);
    }

    @QueryHandler
    TaskLookup handle(FindTaskAsOfQuery query) {
        List<DomainEventMessage<?>> stream = read(query.taskId());
        Optional<UserId> owner = owner(stream);
        if (owner.isEmpty()) {
            return TaskLookup.notFound();
        }
        if (!owner.get().equals(query.requester())) {
            return TaskLookup.notOwner();
        }
        List<TaskTimeline.Step> steps = stream.stream()
                .map(message -> new TaskTimeline.Step((TaskEvent) message.getPayload(), message.getSequenceNumber()))
                .toList();
        return TaskTimeline.asOf(steps, query.asOf()).map(TaskLookup::found).orElseGet(TaskLookup::notFound);
    }

    /** The task's events from its first one on; snapshots, should any ever be taken, are not part of its history. */
    private List<DomainEventMessage<?>> read(TaskId taskId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(taskId.toString(), 0L);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            // an aggregate id is only unique per aggregate type; keep to the task's own events
            if (message.getPayload() instanceof TaskEvent) {
                events.add(message);
            }
        }
        return events;
    }

    private static Optional<UserId> owner(List<DomainEventMessage<?>> stream) {
        if (stream.isEmpty() || !(stream.get(0).getPayload() instanceof TaskCreatedEvent created)) {
            return Optional.empty();
        }
        return Optional.of(created.owner());
    }
}
