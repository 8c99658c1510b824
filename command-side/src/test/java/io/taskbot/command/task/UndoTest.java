package io.taskbot.command.task;

import io.taskbot.messaging.MetadataKeys;
import io.taskbot.task.DeleteTaskCommand;
import io.taskbot.task.DueDate;
import io.taskbot.task.Priority;
import io.taskbot.task.Recurrence;
import io.taskbot.task.Schedule;
import io.taskbot.task.TaskCompletedEvent;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskDeletedEvent;
import io.taskbot.task.TaskDescriptionChangedEvent;
import io.taskbot.task.TaskDueDateChangedEvent;
import io.taskbot.task.TaskException;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskOccurrenceCompletedEvent;
import io.taskbot.task.TaskPriorityChangedEvent;
import io.taskbot.task.TaskRecurrenceChangedEvent;
import io.taskbot.task.TaskRenamedEvent;
import io.taskbot.task.TaskReopenedEvent;
import io.taskbot.task.TaskRestoredEvent;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskTagsChangedEvent;
import io.taskbot.task.TaskUnarchivedEvent;
import io.taskbot.task.TaskArchivedEvent;
import io.taskbot.task.TaskWritten;
import io.taskbot.task.UndoTaskCommand;
import io.taskbot.task.UpdateTaskCommand;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.taskbot.command.task.TaskFixtures.CREATED_AT;
import static io.taskbot.command.task.TaskFixtures.OWNER;
import static io.taskbot.command.task.TaskFixtures.STRANGER;
import static io.taskbot.command.task.TaskFixtures.TASK_ID;
import static io.taskbot.command.task.TaskFixtures.pendingTask;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;

/** Undo: each takes back the newest change not taken back yet, by ordinary events marked as an undo. */
class UndoTest {

    private static final Instant T1 = CREATED_AT.plusSeconds(60);
    private static final Instant T2 = CREATED_AT.plusSeconds(120);
    private static final Instant T3 = CREATED_AT.plusSeconds(180);
    private static final Instant UNDO_AT = CREATED_AT.plusSeconds(3600);

    private AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
        AtomicLong sequence = new AtomicLong();
        fixture.registerAnnotatedCommandHandler(
                new TaskCreationHandler(fixture.getRepository(), () -> TaskId.of(sequence.incrementAndGet())));
    }

    private static UndoTaskCommand undo() {
        return new UndoTaskCommand(TASK_ID, OWNER, UNDO_AT);
    }

    private static UndoTaskCommand undoAt(Instant at) {
        return new UndoTaskCommand(TASK_ID, OWNER, at);
    }

    /** The events an undo of the change that starts with sequence number {@code version} appends, in order. */
    @SuppressWarnings("unchecked")
    private static Matcher<List<EventMessage<?>>> undoing(long version, Object... payloads) {
        Matcher<EventMessage<?>>[] each = Arrays.stream(payloads).map(payload -> undoEvent(version, payload))
                .toArray(Matcher[]::new);
        Matcher<EventMessage<?>>[] sequence = Arrays.copyOf(each, each.length + 1);
        sequence[each.length] = andNoMore();
        return exactSequenceOf(sequence);
    }

    private static Matcher<EventMessage<?>> undoEvent(long version, Object payload) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(EventMessage<?> message) {
                Object undoes = message.getMetaData().get(MetadataKeys.UNDOES);
                return payload.equals(message.getPayload()) && undoes != null
                        && Long.parseLong(undoes.toString()) == version;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(payload + " undoing version " + version);
            }
        };
    }

    private void expectNothingToUndo(ResultValidator<Task> result) {
        result.expectException(TaskException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("no change left to undo"))
                .expectNoEvents();
    }

    @Test
    void theCreationCannotBeUndone() {
        expectNothingToUndo(fixture.given(pendingTask()).when(undo()));
    }

    @Test
    void undoesARename() {
        fixture.given(pendingTask(), new TaskRenamedEvent(TASK_ID, "Buy rolls", T1))
                .when(undo())
                .expectEventsMatching(undoing(1, new TaskRenamedEvent(TASK_ID, "Buy bread", UNDO_AT)))
                .expectResultMessagePayload(new TaskWritten(TASK_ID, 2));
    }

    @Test
    void undoesEachKindOfFieldChange() {
        fixture.given(new TaskCreatedEvent(TASK_ID, OWNER, "Buy bread", "rye", Priority.HIGH,
                                DueDate.parse("2026-12-24"), List.of("home"), CREATED_AT),
                        new TaskDescriptionChangedEvent(TASK_ID, "spelt", T1),
                        new TaskPriorityChangedEvent(TASK_ID, Priority.LOW, T1),
                        new TaskDueDateChangedEvent(TASK_ID, null, T1),
                        new TaskTagsChangedEvent(TASK_ID, List.of("shop"), T1))
                .when(undo())
                .expectEventsMatching(undoing(1,
                        new TaskDescriptionChangedEvent(TASK_ID, "rye", UNDO_AT),
                        new TaskPriorityChangedEvent(TASK_ID, Priority.HIGH, UNDO_AT),
                        new TaskDueDateChangedEvent(TASK_ID, DueDate.parse("2026-12-24"), UNDO_AT),
                        new TaskTagsChangedEvent(TASK_ID, List.of("home"), UNDO_AT)));
    }

    @Test
    void theEventsOfOneCommandAreOneChange() {
        fixture.given(pendingTask())
                .andGivenCommands(UpdateTaskCommand.of(TASK_ID, OWNER, T1).withTitle("Buy rolls")
                        .withPriority(Priority.URGENT))
                .when(undo())
                .expectEventsMatching(undoing(1,
                        new TaskRenamedEvent(TASK_ID, "Buy bread", UNDO_AT),
                        new TaskPriorityChangedEvent(TASK_ID, Priority.MEDIUM, UNDO_AT)));
    }

    @Test
    void undoesAStatusChange() {
        fixture.given(pendingTask(), new TaskCompletedEvent(TASK_ID, T1))
                .when(undo())
                .expectEventsMatching(undoing(1, new TaskReopenedEvent(TASK_ID, UNDO_AT)));
    }

    @Test
    void undoingAReopeningCompletesTheTaskAgain() {
        fixture.given(pendingTask(), new TaskCompletedEvent(TASK_ID, T1), new TaskReopenedEvent(TASK_ID, T2))
                .when(undo())
                .expectEventsMatching(undoing(2, new TaskCompletedEvent(TASK_ID, UNDO_AT)));
    }

    @Test
    void undoingAnArchivingUnarchives() {
        fixture.given(pendingTask(), new TaskArchivedEvent(TASK_ID, T1))
                .when(undo())
                .expectEventsMatching(undoing(1, new TaskUnarchivedEvent(TASK_ID, UNDO_AT)));
    }

    @Test
    void undoingADeletionBringsTheTaskBack() {
        fixture.given(pendingTask(), new TaskRenamedEvent(TASK_ID, "Buy rolls", T1))
                .andGivenCommands(new DeleteTaskCommand(TASK_ID, OWNER, T2))
                .when(undo())
                .expectEventsMatching(undoing(2, new TaskRestoredEvent(TASK_ID, UNDO_AT)));
    }

    @Test
    void repeatedUndoWalksFurtherBackUntilTheCreation() {
        fixture.given(pendingTask(), new TaskRenamedEvent(TASK_ID, "Buy rolls", T1),
                        new TaskPriorityChangedEvent(TASK_ID, Priority.URGENT, T2))
                .andGivenCommands(undoAt(T3))
                .when(undo())
                .expectEventsMatching(undoing(1, new TaskRenamedEvent(TASK_ID, "Buy bread", UNDO_AT)));

        fixture.given(pendingTask(), new TaskRenamedEvent(TASK_ID, "Buy rolls", T1))
                .andGivenCommands(undoAt(T2))
                .when(undo())
                .expectException(TaskException.class)
                .expectNoEvents();
    }

    @Test
    void aChangeAfterAnUndoIsTheNextToBeUndone() {
        fixture.given(pendingTask(), new TaskRenamedEvent(TASK_ID, "Buy rolls", T1))
                .andGivenCommands(undoAt(T2), UpdateTaskCommand.of(TASK_ID, OWNER, T3).withTitle("Buy buns"))
                .when(undo())
                // created 0, renamed 1, undo 2, renamed 3
                .expectEventsMatching(undoing(3, new TaskRenamedEvent(TASK_ID, "Buy bread", UNDO_AT)));
    }

    @Test
    void undoesACompletedOccurrenceAndASetRecurrence() {
        Recurrence daily = Recurrence.parse("FREQ=DAILY");
        DueDate first = DueDate.parse("2026-11-21");
        Schedule schedule = new Schedule(daily, first, ZoneOffset.UTC);
        fixture.given(pendingTask(),
                        new TaskDueDateChangedEvent(TASK_ID, first, T1),
                        new TaskRecurrenceChangedEvent(TASK_ID, schedule, T1),
                        new TaskOccurrenceCompletedEvent(TASK_ID, first, DueDate.parse("2026-11-22"), T2))
                .andGivenCommands(undoAt(T3))
                .when(undo())
                .expectEventsMatching(undoing(1,
                        new TaskDueDateChangedEvent(TASK_ID, null, UNDO_AT),
                        new TaskRecurrenceChangedEvent(TASK_ID, null, UNDO_AT)));
    }

    @Test
    void undoingACompletedOccurrenceMovesTheDueDateBack() {
        Schedule schedule = new Schedule(Recurrence.parse("FREQ=DAILY"), DueDate.parse("2026-11-21"),
                ZoneOffset.UTC);
        fixture.given(new TaskCreatedEvent(TASK_ID, OWNER, "Buy bread", "", Priority.MEDIUM,
                                DueDate.parse("2026-11-21"), List.of(), CREATED_AT, schedule),
                        new TaskOccurrenceCompletedEvent(TASK_ID, DueDate.parse("2026-11-21"),
                                DueDate.parse("2026-11-22"), T1))
                .when(undo())
                .expectEventsMatching(undoing(1,
                        new TaskDueDateChangedEvent(TASK_ID, DueDate.parse("2026-11-21"), UNDO_AT)));
    }

    @Test
    void onlyTheOwnerMayUndo() {
        fixture.given(pendingTask(), new TaskRenamedEvent(TASK_ID, "Buy rolls", T1))
                .when(new UndoTaskCommand(TASK_ID, STRANGER, UNDO_AT))
                .expectException(TaskException.class)
                .expectException(org.hamcrest.Matchers.hasProperty("message",
                        org.hamcrest.Matchers.containsString("another user")))
                .expectNoEvents();
    }

    @Test
    void aDeletedTaskTakesNoChangeButItsDeletionCanBeUndone() {
        fixture.given(pendingTask(), new TaskDeletedEvent(TASK_ID, T1))
                .when(UpdateTaskCommand.of(TASK_ID, OWNER, T2).withStatus(TaskStatus.COMPLETED))
                .expectException(TaskException.class);
        fixture.given(pendingTask(), new TaskDeletedEvent(TASK_ID, T1))
                .when(undo())
                .expectEventsMatching(undoing(1, new TaskRestoredEvent(TASK_ID, UNDO_AT)));
    }
}
