package io.taskbot.task;

import io.taskbot.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskStateTest {

    static final TaskId ID = new TaskId(7);
    static final UserId OWNER = new UserId(3);
    static final Instant CREATED_AT = Instant.parse("2026-11-20T09:00:00.123456Z");
    static final Instant LATER = Instant.parse("2026-11-21T10:30:00.987654Z");
    static final Schedule WEEKLY = new Schedule(Recurrence.parse("FREQ=WEEKLY"), DueDate.parse("2026-11-23"),
            ZoneId.of("Europe/Berlin"));

    static TaskCreatedEvent creation() {
        return new TaskCreatedEvent(ID, OWNER, "Buy milk", "", Priority.MEDIUM, null, List.of("home"), CREATED_AT);
    }

    /** One event of every kind after {@link #creation()}; a kind missing here fails {@link #everyKindOfEventHasASample}. */
    static final List<TaskEvent> CHANGES = List.of(
            new TaskRenamedEvent(ID, "Buy oat milk", LATER),
            new TaskDescriptionChangedEvent(ID, "the barista one", LATER),
            new TaskPriorityChangedEvent(ID, Priority.URGENT, LATER),
            new TaskDueDateChangedEvent(ID, DueDate.parse("2026-12-24"), LATER),
            new TaskTagsChangedEvent(ID, List.of("shopping"), LATER),
            new TaskCompletedEvent(ID, LATER),
            new TaskReopenedEvent(ID, LATER),
            new TaskArchivedEvent(ID, LATER),
            new TaskUnarchivedEvent(ID, LATER),
            new TaskDeletedEvent(ID, LATER),
            new TaskRecurrenceChangedEvent(ID, WEEKLY, LATER),
            new TaskOccurrenceCompletedEvent(ID, DueDate.parse("2026-11-23"), DueDate.parse("2026-11-30"), LATER),
            new TaskRestoredEvent(ID, LATER));

    @Test
    void everyKindOfEventHasASample() {
        Set<Class<?>> sampled = CHANGES.stream().map(Object::getClass).collect(Collectors.toSet());
        sampled.add(TaskCreatedEvent.class);

        assertThat(sampled).containsExactlyInAnyOrder(TaskEvent.class.getPermittedSubclasses());
    }

    @Test
    void eachEventDeclaresItsOwnKind() {
        Map<TaskEventKind, Class<?>> typeOfKind = CHANGES.stream()
                .collect(Collectors.toMap(TaskEvent::kind, Object::getClass));
        typeOfKind.put(creation().kind(), TaskCreatedEvent.class);

        assertThat(typeOfKind).hasSize(TaskEventKind.values().length);
        assertThat(Arrays.stream(TaskEventKind.values()).map(TaskEventKind::wireName).distinct())
                .hasSize(TaskEventKind.values().length);
    }

    @Test
    void aTaskStartsPendingWithWhatItWasCreatedWith() {
        TaskState state = TaskState.apply(null, creation());

        assertThat(state.id()).isEqualTo(ID);
        assertThat(state.owner()).isEqualTo(OWNER);
        assertThat(state.title()).isEqualTo("Buy milk");
        assertThat(state.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(state.tags()).containsExactly("home");
        assertThat(state.createdAt()).isEqualTo(CREATED_AT);
        assertThat(state.updatedAt()).isEqualTo(CREATED_AT);
        assertThat(state.deleted()).isFalse();
    }

    @Test
    void eachChangeSetsItsFieldAndTheTimeOfTheChange() {
        TaskState created = TaskState.apply(null, creation());
        Map<TaskEventKind, Function<TaskState, Object>> changedField = Map.of(
                TaskEventKind.RENAMED, TaskState::title,
                TaskEventKind.DESCRIPTION_CHANGED, TaskState::description,
                TaskEventKind.PRIORITY_CHANGED, TaskState::priority,
                TaskEventKind.DUE_DATE_CHANGED, TaskState::dueDate,
                TaskEventKind.TAGS_CHANGED, TaskState::tags,
                TaskEventKind.RECURRENCE_CHANGED, TaskState::schedule,
                TaskEventKind.OCCURRENCE_COMPLETED, TaskState::dueDate);
        Map<TaskEventKind, Object> expected = Map.of(
                TaskEventKind.RENAMED, "Buy oat milk",
                TaskEventKind.DESCRIPTION_CHANGED, "the barista one",
                TaskEventKind.PRIORITY_CHANGED, Priority.URGENT,
                TaskEventKind.DUE_DATE_CHANGED, DueDate.parse("2026-12-24"),
                TaskEventKind.TAGS_CHANGED, List.of("shopping"),
                TaskEventKind.RECURRENCE_CHANGED, WEEKLY,
                TaskEventKind.OCCURRENCE_COMPLETED, DueDate.parse("2026-11-30"));

        for (TaskEvent change : CHANGES) {
            TaskState after = TaskState.apply(created, change);
            if (changedField.containsKey(change.kind())) {
                assertThat(changedField.get(change.kind()).apply(after)).as(change.kind().wireName())
                        .isEqualTo(expected.get(change.kind()));
            }
            if (change.kind() != TaskEventKind.DELETED) {
                assertThat(after.updatedAt()).as(change.kind().wireName()).isEqualTo(LATER);
            }
        }
    }

    @Test
    void statusFollowsTheStatusEvents() {
        TaskState created = TaskState.apply(null, creation());
        TaskState completed = TaskState.apply(created, new TaskCompletedEvent(ID, LATER));
        TaskState reopened = TaskState.apply(completed, new TaskReopenedEvent(ID, LATER));
        TaskState archived = TaskState.apply(reopened, new TaskArchivedEvent(ID, LATER));
        TaskState unarchived = TaskState.apply(archived, new TaskUnarchivedEvent(ID, LATER));

        assertThat(completed.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(reopened.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(archived.status()).isEqualTo(TaskStatus.ARCHIVED);
        assertThat(unarchived.status()).isEqualTo(TaskStatus.PENDING);
    }

    @Test
    void aDeletionMarksTheTaskAndKeepsItsLastState() {
        TaskState renamed = TaskState.apply(TaskState.apply(null, creation()), new TaskRenamedEvent(ID, "Tea", LATER));
        TaskState deleted = TaskState.apply(renamed, new TaskDeletedEvent(ID, LATER.plusSeconds(60)));

        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.title()).isEqualTo("Tea");
        assertThat(deleted.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void aCompletedOccurrenceLeavesTheTaskPendingAndRepeating() {
        TaskState recurring = TaskState.apply(TaskState.apply(null, creation()),
                new TaskRecurrenceChangedEvent(ID, WEEKLY, LATER));
        TaskState moved = TaskState.apply(recurring, new TaskOccurrenceCompletedEvent(ID, DueDate.parse("2026-11-23"),
                DueDate.parse("2026-11-30"), LATER.plusSeconds(60)));

        assertThat(moved.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(moved.recurrence()).isEqualTo(Recurrence.parse("FREQ=WEEKLY"));
        assertThat(moved.view(2).recurrence()).isEqualTo(Recurrence.parse("FREQ=WEEKLY"));
        assertThat(TaskState.apply(moved, new TaskRecurrenceChangedEvent(ID, null, LATER)).recurrence()).isNull();
    }

    @Test
    void aRestoredTaskIsBackAsItWasDeleted() {
        TaskState renamed = TaskState.apply(TaskState.apply(null, creation()), new TaskRenamedEvent(ID, "Tea", LATER));
        TaskState deleted = TaskState.apply(renamed, new TaskDeletedEvent(ID, LATER.plusSeconds(60)));
        TaskState restored = TaskState.apply(deleted, new TaskRestoredEvent(ID, LATER.plusSeconds(120)));

        assertThat(restored.deleted()).isFalse();
        assertThat(restored.title()).isEqualTo("Tea");
        assertThat(restored.updatedAt()).isEqualTo(LATER.plusSeconds(120));
    }

    @Test
    void aStreamMustStartWithTheCreationAndHaveOnlyOne() {
        assertThatThrownBy(() -> TaskState.apply(null, new TaskRenamedEvent(ID, "x", LATER)))
                .isInstanceOf(IllegalArgumentException.class);
        TaskState created = TaskState.apply(null, creation());
        assertThatThrownBy(() -> TaskState.apply(created, creation()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theViewCountsTimesInMilliseconds() {
        TaskView view = TaskState.apply(null, creation()).view(0);

        assertThat(view.createdAt()).isEqualTo(Instant.parse("2026-11-20T09:00:00.123Z"));
        assertThat(view.version()).isZero();
    }
}
