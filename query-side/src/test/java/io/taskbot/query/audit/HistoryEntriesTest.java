package io.taskbot.query.audit;

import io.taskbot.messaging.Channel;
import io.taskbot.messaging.MetadataKeys;
import io.taskbot.task.DueDate;
import io.taskbot.task.Priority;
import io.taskbot.task.Recurrence;
import io.taskbot.task.Schedule;
import io.taskbot.task.TaskArchivedEvent;
import io.taskbot.task.TaskCompletedEvent;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskDeletedEvent;
import io.taskbot.task.TaskDescriptionChangedEvent;
import io.taskbot.task.TaskDueDateChangedEvent;
import io.taskbot.task.TaskEventKind;
import io.taskbot.task.TaskHistory;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskOccurrenceCompletedEvent;
import io.taskbot.task.TaskPriorityChangedEvent;
import io.taskbot.task.TaskRecurrenceChangedEvent;
import io.taskbot.task.TaskRenamedEvent;
import io.taskbot.task.TaskReopenedEvent;
import io.taskbot.task.TaskRestoredEvent;
import io.taskbot.task.TaskTagsChangedEvent;
import io.taskbot.task.TaskUnarchivedEvent;
import io.taskbot.user.UserId;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class HistoryEntriesTest {

    private static final TaskId TASK = TaskId.of(42);
    private static final UserId OWNER = UserId.of(7);
    private static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");
    private static final MetaData FROM_CHAT = MetaData.from(
            MetadataKeys.of(OWNER, Channel.conversation("conv_abc"), "request-1"));

    @Test
    void aCreationRecordsEveryFieldItSetWithWhoAndThroughWhichChannel() {
        TaskCreatedEvent created = new TaskCreatedEvent(TASK, OWNER, "Call mom", "about sunday", Priority.HIGH,
                DueDate.parse("2026-03-02"), List.of("family"), AT);

        TaskHistory.Entry entry = HistoryEntries.of(created, 0, FROM_CHAT);

        assertThat(entry.kind()).isEqualTo(TaskEventKind.CREATED);
        assertThat(entry.timestamp()).isEqualTo(AT);
        assertThat(entry.actor()).isEqualTo(OWNER);
        assertThat(entry.channel()).isEqualTo("chat:conv_abc");
        assertThat(entry.version()).isZero();
        assertThat(entry.changes()).containsExactly(
                entry("title", "Call mom"),
                entry("description", "about sunday"),
                entry("priority", "high"),
                entry("status", "pending"),
                entry("due_date", "2026-03-02"),
                entry("tags", List.of("family")),
                entry("recurrence", null));
        assertThat(entry.undoes()).isNull();
    }

    @Test
    void recurrenceEventsRecordTheRuleAndTheMovedDueDate() {
        Schedule weekly = new Schedule(Recurrence.parse("FREQ=WEEKLY;BYDAY=MO"), DueDate.parse("2026-03-02"),
                ZoneId.of("Europe/Berlin"));

        assertThat(HistoryEntries.changes(new TaskRecurrenceChangedEvent(TASK, weekly, AT)))
                .containsExactly(entry("recurrence", "FREQ=WEEKLY;BYDAY=MO"));
        assertThat(HistoryEntries.changes(new TaskRecurrenceChangedEvent(TASK, null, AT)))
                .containsExactly(entry("recurrence", null));
        assertThat(HistoryEntries.changes(new TaskOccurrenceCompletedEvent(TASK, DueDate.parse("2026-03-02"),
                DueDate.parse("2026-03-09"), AT)))
                .containsExactly(entry("completed_due_date", "2026-03-02"), entry("due_date", "2026-03-09"));
        assertThat(HistoryEntries.changes(new TaskRestoredEvent(TASK, AT))).isEmpty();
    }

    @Test
    void anEventOfAnUndoNamesTheChangeItTookBack() {
        TaskHistory.Entry entry = HistoryEntries.of(new TaskRenamedEvent(TASK, "Call mom", AT), 4,
                FROM_CHAT.and(MetadataKeys.UNDOES, 2L));

        assertThat(entry.undoes()).isEqualTo(2L);
        assertThat(HistoryEntries.of(new TaskRenamedEvent(TASK, "Call mom", AT), 4, FROM_CHAT).undoes()).isNull();
    }

    @Test
    void eachChangeRecordsOnlyTheFieldItSet() {
        assertThat(HistoryEntries.changes(new TaskRenamedEvent(TASK, "Call dad", AT)))
                .containsExactly(entry("title", "Call dad"));
        assertThat(HistoryEntries.changes(new TaskDescriptionChangedEvent(TASK, "", AT)))
                .containsExactly(entry("description", ""));
        assertThat(HistoryEntries.changes(new TaskPriorityChangedEvent(TASK, Priority.URGENT, AT)))
                .containsExactly(entry("priority", "urgent"));
        assertThat(HistoryEntries.changes(new TaskDueDateChangedEvent(TASK, DueDate.parse("2026-03-05T17:00:00+01:00"),
                AT))).containsExactly(entry("due_date", "2026-03-05T17:00+01:00"));
        assertThat(HistoryEntries.changes(new TaskTagsChangedEvent(TASK, List.of("a", "b"), AT)))
                .containsExactly(entry("tags", List.of("a", "b")));
        assertThat(HistoryEntries.changes(new TaskCompletedEvent(TASK, AT))).containsExactly(entry("status", "completed"));
        assertThat(HistoryEntries.changes(new TaskReopenedEvent(TASK, AT))).containsExactly(entry("status", "pending"));
        assertThat(HistoryEntries.changes(new TaskArchivedEvent(TASK, AT))).containsExactly(entry("status", "archived"));
        assertThat(HistoryEntries.changes(new TaskUnarchivedEvent(TASK, AT))).containsExactly(entry("status", "pending"));
        assertThat(HistoryEntries.changes(new TaskDeletedEvent(TASK, AT))).isEmpty();
    }

    @Test
    void theTimestampHasTheMillisecondPrecisionOfTheApisOtherTimes() {
        TaskHistory.Entry entry = HistoryEntries.of(
                new TaskCompletedEvent(TASK, Instant.parse("2026-03-01T09:30:00.123456789Z")), 1, FROM_CHAT);

        assertThat(entry.timestamp()).isEqualTo(Instant.parse("2026-03-01T09:30:00.123Z"));
    }

    @Test
    void aRemovedDueDateIsANullValueRatherThanAMissingField() {
        Map<String, Object> changes = HistoryEntries.of(new TaskDueDateChangedEvent(TASK, null, AT), 3, FROM_CHAT)
                .changes();

        assertThat(changes).containsOnlyKeys("due_date");
        assertThat(changes.get("due_date")).isNull();
    }

    @Test
    void anEventWithoutAReadableUserHasNoActorInsteadOfFailingTheHistory() {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(MetadataKeys.USER_ID, "not-a-number");

        TaskHistory.Entry entry = HistoryEntries.of(new TaskCompletedEvent(TASK, AT), 1, MetaData.from(metaData));

        assertThat(entry.actor()).isNull();
        assertThat(entry.channel()).isNull();
        assertThat(HistoryEntries.of(new TaskCompletedEvent(TASK, AT), 1, MetaData.emptyInstance()).actor()).isNull();
    }
}
