package io.taskbot.agent.offline;

import io.taskbot.agent.offline.Action.CreateTask;
import io.taskbot.agent.offline.Action.DeleteTask;
import io.taskbot.agent.offline.Action.UpdateTask;
import io.taskbot.task.Priority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers and characters chosen to break arithmetic or parsing: every one gets an answer (never an exception), and
 * a date that cannot exist is never written to a task.
 */
class HostileInputTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 21, 9, 30, 0, 0, ZoneId.of("Europe/Berlin"));
    private static final List<TaskRef> TASKS = List.of(
            new TaskRef("1", "walk the dog", false, Priority.MEDIUM, null),
            new TaskRef("2", "buy bread", false, Priority.MEDIUM, "2026-11-25", List.of()));

    private final TaskTalkInterpreter interpreter = new TaskTalkInterpreter();

    @ParameterizedTest
    @ValueSource(strings = {
            "remind me to stretch in 2147483648 minutes",
            "call mom in 99999999999999999999 days",
            "call mom in 2147483647 hours",
            "pay rent by 400000000 weeks",
            "finish the thesis in 400000000 weeks",
            "buy bread in 9223372036854775808 years",
            "postpone the bread by 400000000 weeks",
            "push buy bread back 99999999999 days",
            "move buy bread to 1000000000-01-01",
            "add renew passport on 2026-13-45",
            "add renew passport on 999999999-12-31 at 25:99",
            "the 99999999999th one is done",
            "delete task number 99999999999999",
            "remind me on the 99999999999th",
            "remind me at 99999999999:00 to call",
            "\u0000\u0001\u0002",
            "\u0007",
            "add \u0000\u0000",
            "\u200B\u200B",
            "submit the form on 13/45",
            "submit the form on 99999999999/1",
    })
    void answersWithoutThrowing(String hostile) {
        ZonedDateTime now = NOW;
        List<Action> actions = interpreter.interpret(hostile, ConversationContext.startingAt(now, TASKS));

        assertThat(actions).isNotEmpty();
        for (Action action : actions) {
            String due = action instanceof CreateTask create ? create.dueDate()
                    : action instanceof UpdateTask update ? update.dueDate() : null;
            if (due != null) {
                LocalDate day = LocalDate.parse(due.substring(0, 10));
                assertThat(day.getYear()).as(hostile + " -> " + actions).isBetween(2026, 2200);
            }
            assertThat(action).isNotInstanceOf(DeleteTask.class);
        }
    }
}
