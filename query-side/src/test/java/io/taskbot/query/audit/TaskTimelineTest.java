package io.taskbot.query.audit;

import io.taskbot.task.DueDate;
import io.taskbot.task.Priority;
import io.taskbot.task.TaskCompletedEvent;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskDeletedEvent;
import io.taskbot.task.TaskDueDateChangedEvent;
import io.taskbot.task.TaskEvent;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskRenamedEvent;
import io.taskbot.task.TaskReopenedEvent;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskTagsChangedEvent;
import io.taskbot.task.TaskView;
import io.taskbot.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaskTimelineTest {

    private static final TaskId TASK = TaskId.of(5);
    private static final UserId OWNER = UserId.of(3);
    private static final Instant CREATED = Instant.parse("2026-02-01T08:00:00Z");
    private static final Instant RENAMED = CREATED.plusSeconds(60);
    private static final Instant COMPLETED = CREATED.plusSeconds(120);
    private static final Instant DELETED = CREATED.plusSeconds(180);

    private static List<TaskTimeline.Step> stream(TaskEvent... events) {
        List<TaskTimeline.Step> steps = new ArrayList<>();
        for (TaskEvent event : events) {
            steps.add(new TaskTimeline.Step(event, steps.size()));
        }
        return steps;
    }

    private static final List<TaskTimeline.Step> LIFE = stream(
            new TaskCreatedEvent(TASK, OWNER, "Draft", "", Priority.MEDIUM, DueDate.parse("2026-02-10"),
                    List.of("work"), CREATED),
            new TaskRenamedEvent(TASK, "Report", RENAMED),
            // one update command: two events at the same instant
            new TaskTagsChangedEvent(TASK, List.of("work", "q1"), RENAMED),
            new TaskCompletedEvent(TASK, COMPLETED),
            new TaskDeletedEvent(TASK, DELETED));

    @Test
    void beforeItsCreationTheTaskDidNotExist() {
        assertThat(TaskTimeline.asOf(LIFE, CREATED.minusMillis(1))).isEmpty();
    }

    @Test
    void atItsCreationTheTaskIsAsItWasCreated() {
        TaskView task = TaskTimeline.asOf(LIFE, CREATED).orElseThrow();

        assertThat(task.id()).isEqualTo(TASK);
        assertThat(task.owner()).isEqualTo(OWNER);
        assertThat(task.title()).isEqualTo("Draft");
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.dueDate()).isEqualTo(DueDate.parse("2026-02-10"));
        assertThat(task.tags()).containsExactly("work");
        assertThat(task.createdAt()).isEqualTo(CREATED);
        assertThat(task.updatedAt()).isEqualTo(CREATED);
        assertThat(task.version()).isZero();
    }

    @Test
    void everyChangeRequestedUpToTheInstantIsApplied() {
        TaskView task = TaskTimeline.asOf(LIFE, COMPLETED.minusMillis(1)).orElseThrow();

        assertThat(task.title()).isEqualTo("Report");
        assertThat(task.tags()).as("both events of the update").containsExactly("work", "q1");
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.updatedAt()).isEqualTo(RENAMED);
        assertThat(task.version()).isEqualTo(2);

        assertThat(TaskTimeline.asOf(LIFE, COMPLETED).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    }

    @Test
    void fromItsDeletionOnTheTaskIsGone() {
        assertThat(TaskTimeline.asOf(LIFE, DELETED.minusMillis(1))).isPresent();
        assertThat(TaskTimeline.asOf(LIFE, DELETED)).isEmpty();
        assertThat(TaskTimeline.asOf(LIFE, DELETED.plusSeconds(3600))).isEmpty();
    }

    @Test
    void aRemovedDueDateIsGoneFromThatInstantOn() {
        List<TaskTimeline.Step> stream = stream(
                new TaskCreatedEvent(TASK, OWNER, "t", "", Priority.LOW, DueDate.parse("2026-02-10"), List.of(),
                        CREATED),
                new TaskDueDateChangedEvent(TASK, null, RENAMED));

        assertThat(TaskTimeline.asOf(stream, RENAMED.minusMillis(1)).orElseThrow().dueDate()).isNotNull();
        assertThat(TaskTimeline.asOf(stream, RENAMED).orElseThrow().dueDate()).isNull();
    }

    @Test
    void timesCountInMillisecondsLikeTheTimesTheApiShows() {
        Instant precise = Instant.parse("2026-02-01T08:00:00.200989463Z");
        List<TaskTimeline.Step> stream = stream(
                new TaskCreatedEvent(TASK, OWNER, "t", "", Priority.LOW, null, List.of(), precise));
        Instant shown = Instant.parse("2026-02-01T08:00:00.200Z");

        TaskView task = TaskTimeline.asOf(stream, shown).orElseThrow();

        assertThat(task.createdAt()).isEqualTo(shown);
        assertThat(task.updatedAt()).isEqualTo(shown);
        assertThat(TaskTimeline.asOf(stream, shown.minusMillis(1))).isEmpty();
    }

    @Test
    void theFoldStopsAtTheFirstLaterEventEvenIfAnEarlierStampedOneFollows() {
        // two writers raced: the one whose clock said earlier was stored second
        List<TaskTimeline.Step> stream = stream(
                new TaskCreatedEvent(TASK, OWNER, "t", "", Priority.LOW, null, List.of(), CREATED),
                new TaskCompletedEvent(TASK, COMPLETED),
                new TaskReopenedEvent(TASK, RENAMED));

        TaskView asOfRename = TaskTimeline.asOf(stream, RENAMED).orElseThrow();

        assertThat(asOfRename.status()).as("the reopen is only meaningful after the completion it undoes")
                .isEqualTo(TaskStatus.PENDING);
        assertThat(asOfRename.version()).as("a prefix of the stream: only the creation").isZero();
        assertThat(TaskTimeline.asOf(stream, COMPLETED).orElseThrow().version()).isEqualTo(2);
    }
}
