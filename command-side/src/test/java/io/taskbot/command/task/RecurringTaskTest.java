package io.taskbot.command.task;

import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.DueDate;
import io.taskbot.task.Priority;
import io.taskbot.task.Recurrence;
import io.taskbot.task.Schedule;
import io.taskbot.task.TaskCompletedEvent;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskDueDateChangedEvent;
import io.taskbot.task.TaskException;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskOccurrenceCompletedEvent;
import io.taskbot.task.TaskRecurrenceChangedEvent;
import io.taskbot.task.TaskStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.taskbot.command.task.TaskFixtures.CREATED_AT;
import static io.taskbot.command.task.TaskFixtures.LATER;
import static io.taskbot.command.task.TaskFixtures.OWNER;
import static io.taskbot.command.task.TaskFixtures.TASK_ID;
import static io.taskbot.command.task.TaskFixtures.pendingTask;
import static io.taskbot.command.task.TaskFixtures.update;

/** Recurring tasks: a rule on creation or update, and completions that move the task on to its next occurrence. */
class RecurringTaskTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // CREATED_AT, 2026-11-21, is a Saturday
    private static final DueDate SATURDAY = DueDate.parse("2026-11-21");
    private static final DueDate MONDAY = DueDate.parse("2026-11-23");
    private static final Recurrence MONDAYS = Recurrence.parse("FREQ=WEEKLY;BYDAY=MO");

    private AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
        AtomicLong sequence = new AtomicLong();
        fixture.registerAnnotatedCommandHandler(
                new TaskCreationHandler(fixture.getRepository(), () -> TaskId.of(sequence.incrementAndGet())));
    }

    private static TaskCreatedEvent recurringTask(DueDate due, Schedule schedule) {
        return new TaskCreatedEvent(TASK_ID, OWNER, "Water the plants", "", Priority.MEDIUM, due, List.of(),
                CREATED_AT, schedule);
    }

    private static CreateTaskCommand create(DueDate due, Recurrence recurrence) {
        return new CreateTaskCommand(OWNER, "Water the plants", null, null, due, null, CREATED_AT)
                .withRecurrence(recurrence, BERLIN);
    }

    @Test
    void aTaskCreatedWithARuleStartsItsSeriesAtItsDueDate() {
        fixture.givenNoPriorActivity()
                .when(create(MONDAY, MONDAYS))
                .expectEvents(recurringTask(MONDAY, new Schedule(MONDAYS, MONDAY, BERLIN)));
    }

    @Test
    void aTaskCreatedWithARuleButNoDueDateIsDueAtTheFirstOccurrenceFromToday() {
        fixture.givenNoPriorActivity()
                .when(create(null, MONDAYS))
                .expectEvents(recurringTask(MONDAY, new Schedule(MONDAYS, MONDAY, BERLIN)));
    }

    @Test
    void aRuleThatCannotRepeatTheDueDateIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create(DueDate.parse("2026-11-23T09:00+01:00"), Recurrence.parse("FREQ=DAILY;UNTIL=20261231")))
                .expectException(TaskException.class)
                .expectNoEvents();
    }

    @Test
    void settingARuleOnATaskWithoutDueDateAlsoSetsTheFirstOccurrence() {
        fixture.given(pendingTask())
                .when(update().withRecurrence(MONDAYS).inZone(BERLIN))
                .expectEvents(new TaskDueDateChangedEvent(TASK_ID, MONDAY, LATER),
                        new TaskRecurrenceChangedEvent(TASK_ID, new Schedule(MONDAYS, MONDAY, BERLIN), LATER));
    }

    @Test
    void settingTheRuleTheTaskAlreadyHasEmitsNothing() {
        fixture.given(recurringTask(MONDAY, new Schedule(MONDAYS, MONDAY, BERLIN)))
                .when(update().withRecurrence(Recurrence.parse("freq=weekly;byday=mo")))
                .expectNoEvents();
    }

    @Test
    void clearingTheRuleStopsTheRepetition() {
        fixture.given(recurringTask(MONDAY, new Schedule(MONDAYS, MONDAY, BERLIN)))
                .when(update().withoutRecurrence())
                .expectEvents(new TaskRecurrenceChangedEvent(TASK_ID, null, LATER));
    }

    @Test
    void clearingNoRuleEmitsNothing() {
        fixture.given(pendingTask())
                .when(update().withoutRecurrence())
                .expectNoEvents();
    }

    @Test
    void completingARecurringTaskCompletesTheOccurrenceAndKeepsItOpenDueAtTheNext() {
        fixture.given(recurringTask(MONDAY, new Schedule(MONDAYS, MONDAY, BERLIN)))
                .when(update().withStatus(TaskStatus.COMPLETED))
                .expectEvents(new TaskOccurrenceCompletedEvent(TASK_ID, MONDAY, DueDate.parse("2026-11-30"), LATER));
    }

    @Test
    void completingTheLastOccurrenceOfACountCompletesTheTaskForGood() {
        Recurrence twice = Recurrence.parse("FREQ=DAILY;COUNT=2");
        Schedule schedule = new Schedule(twice, SATURDAY, ZoneOffset.UTC);
        fixture.given(recurringTask(SATURDAY, schedule),
                        new TaskOccurrenceCompletedEvent(TASK_ID, SATURDAY, DueDate.parse("2026-11-22"),
                                CREATED_AT.plusSeconds(60)))
                .when(update().withStatus(TaskStatus.COMPLETED))
                .expectEvents(new TaskCompletedEvent(TASK_ID, LATER));
    }

    @Test
    void aDailyTaskAtNineInBerlinStaysAtNineOverTheSpringChange() {
        DueDate saturdayAtNine = DueDate.parse("2027-03-27T09:00+01:00");
        Recurrence daily = Recurrence.parse("FREQ=DAILY");
        fixture.given(recurringTask(saturdayAtNine, new Schedule(daily, saturdayAtNine, BERLIN)))
                .when(update().withStatus(TaskStatus.COMPLETED))
                .expectEvents(new TaskOccurrenceCompletedEvent(TASK_ID, saturdayAtNine,
                        DueDate.parse("2027-03-28T09:00+02:00"), LATER));
    }

    @Test
    void aTaskThatStoppedRepeatingCompletesForGood() {
        fixture.given(recurringTask(MONDAY, new Schedule(MONDAYS, MONDAY, BERLIN)),
                        new TaskRecurrenceChangedEvent(TASK_ID, null, CREATED_AT.plusSeconds(60)))
                .when(update().withStatus(TaskStatus.COMPLETED))
                .expectEvents(new TaskCompletedEvent(TASK_ID, LATER));
    }
}
