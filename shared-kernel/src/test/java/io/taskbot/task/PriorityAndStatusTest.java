package io.taskbot.task;

import org.junit.jupiter.api.Test;

import static io.taskbot.task.TaskStatus.ARCHIVED;
import static io.taskbot.task.TaskStatus.COMPLETED;
import static io.taskbot.task.TaskStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;

class PriorityAndStatusTest {

    @Test
    void prioritiesAreReadByTheirWireNamesInAnyCase() {
        assertThat(Priority.fromWireName(" High ")).contains(Priority.HIGH);
        assertThat(Priority.fromWireName("URGENT")).contains(Priority.URGENT);
        assertThat(Priority.fromWireName("critical")).isEmpty();
        assertThat(Priority.fromWireName("")).isEmpty();
        assertThat(Priority.fromWireName(null)).isEmpty();
        for (Priority priority : Priority.values()) {
            assertThat(Priority.fromWireName(priority.wireName())).contains(priority);
        }
    }

    @Test
    void mediumIsTheDefaultAndRanksOrderByUrgency() {
        assertThat(Priority.DEFAULT).isEqualTo(Priority.MEDIUM);
        assertThat(Priority.LOW.rank()).isLessThan(Priority.MEDIUM.rank());
        assertThat(Priority.MEDIUM.rank()).isLessThan(Priority.HIGH.rank());
        assertThat(Priority.HIGH.rank()).isLessThan(Priority.URGENT.rank());
    }

    @Test
    void statusesAreReadByTheirWireNamesInAnyCase() {
        assertThat(TaskStatus.fromWireName("Completed")).contains(COMPLETED);
        assertThat(TaskStatus.fromWireName(" archived")).contains(ARCHIVED);
        assertThat(TaskStatus.fromWireName("done")).isEmpty();
        assertThat(TaskStatus.fromWireName(null)).isEmpty();
        assertThat(PENDING.wireName()).isEqualTo("pending");
    }

    /** Every pair of statuses: pending and completed into each other, either into archived, archived to pending. */
    @Test
    void theAllowedMovesAreExactlyTheDocumentedOnes() {
        assertThat(PENDING.canMoveTo(COMPLETED)).isTrue();
        assertThat(PENDING.canMoveTo(ARCHIVED)).isTrue();
        assertThat(COMPLETED.canMoveTo(PENDING)).isTrue();
        assertThat(COMPLETED.canMoveTo(ARCHIVED)).isTrue();
        assertThat(ARCHIVED.canMoveTo(PENDING)).isTrue();

        assertThat(ARCHIVED.canMoveTo(COMPLETED)).isFalse();
        for (TaskStatus status : TaskStatus.values()) {
            assertThat(status.canMoveTo(status)).as(status + " to itself").isFalse();
        }
    }
}
