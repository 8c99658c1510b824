package io.taskbot.task;

import io.taskbot.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class UpdateTaskCommandTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Recurrence WEEKLY = Recurrence.parse("FREQ=WEEKLY");

    @Test
    void everyOtherChangeKeepsTheRecurrenceAndTheZone() {
        UpdateTaskCommand recurring = UpdateTaskCommand.of(TaskId.of(1), UserId.of(2), Instant.EPOCH)
                .inZone(BERLIN).withRecurrence(WEEKLY);
        List<UnaryOperator<UpdateTaskCommand>> changes = List.of(c -> c.withTitle("t"), c -> c.withDescription("d"),
                c -> c.withPriority(Priority.HIGH), c -> c.withStatus(TaskStatus.COMPLETED),
                c -> c.withDueDate(DueDate.parse("2026-12-24")), UpdateTaskCommand::withoutDueDate,
                c -> c.withTags(List.of("home")));

        for (UnaryOperator<UpdateTaskCommand> change : changes) {
            UpdateTaskCommand changed = change.apply(recurring);
            assertThat(changed.recurrence()).isEqualTo(WEEKLY);
            assertThat(changed.zone()).isEqualTo(BERLIN);
        }
    }

    @Test
    void stoppingTheRecurrenceAndNoZone() {
        UpdateTaskCommand stopped = UpdateTaskCommand.of(TaskId.of(1), UserId.of(2), Instant.EPOCH)
                .withRecurrence(WEEKLY).withoutRecurrence();

        assertThat(stopped.recurrence()).isNull();
        assertThat(stopped.clearRecurrence()).isTrue();
        assertThat(stopped.zone()).isEqualTo(ZoneOffset.UTC);
    }
}
