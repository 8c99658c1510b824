package io.taskbot.app.task;

import io.taskbot.task.DueDate;
import io.taskbot.task.Priority;
import io.taskbot.task.TaskErrorCode;
import io.taskbot.task.TaskException;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.UpdateTaskCommand;
import io.taskbot.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskRequestsTest {

    private static final UpdateTaskCommand NOTHING = UpdateTaskCommand.of(TaskId.of(3), UserId.of(1), Instant.EPOCH);

    @Test
    void aPathIdThatCannotBeATaskIsATaskThatDoesNotExist() {
        assertThat(TaskRequests.taskId(3)).isEqualTo(TaskId.of(3));
        for (long id : new long[]{0, -1, Long.MIN_VALUE}) {
            assertThatThrownBy(() -> TaskRequests.taskId(id)).isInstanceOfSatisfying(TaskException.class, e ->
                    assertThat(e.code()).isEqualTo(TaskErrorCode.NOT_FOUND));
        }
    }

    @Test
    void priorityAndStatusAreOptionalAndRefusedInTheCallersWords() {
        assertThat(TaskRequests.priority(null, name -> new IllegalStateException())).isNull();
        assertThat(TaskRequests.priority("High", name -> new IllegalStateException())).isEqualTo(Priority.HIGH);
        assertThatThrownBy(() -> TaskRequests.priority("asap", name -> new IllegalArgumentException("no " + name)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no asap");
        assertThat(TaskRequests.status(null, name -> new IllegalStateException())).isNull();
        assertThat(TaskRequests.status("completed", name -> new IllegalStateException()))
                .isEqualTo(TaskStatus.COMPLETED);
        assertThatThrownBy(() -> TaskRequests.status("done", name -> new IllegalArgumentException("no " + name)))
                .hasMessage("no done");
    }

    @Test
    void anUpdatesDueDateIsKeptWhenAbsentRemovedWhenEmptyAndParsedOtherwise() {
        assertThat(TaskRequests.withDueDateChange(NOTHING, null)).isEqualTo(NOTHING);
        assertThat(TaskRequests.withDueDateChange(NOTHING, "")).isEqualTo(NOTHING.withoutDueDate());
        assertThat(TaskRequests.withDueDateChange(NOTHING, "2026-05-01"))
                .isEqualTo(NOTHING.withDueDate(DueDate.parse("2026-05-01")));
        assertThatThrownBy(() -> TaskRequests.withDueDateChange(NOTHING, "soon"))
                .isInstanceOfSatisfying(TaskException.class, e ->
                        assertThat(e.code()).isEqualTo(TaskErrorCode.INVALID_DUE_DATE));
    }
}
