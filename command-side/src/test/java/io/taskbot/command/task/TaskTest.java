package io.taskbot.command.task;

import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.DeleteTaskCommand;
import io.taskbot.task.DueDate;
import io.taskbot.task.Priority;
import io.taskbot.task.TaskArchivedEvent;
import io.taskbot.task.TaskCompletedEvent;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskDeletedEvent;
import io.taskbot.task.TaskDescriptionChangedEvent;
import io.taskbot.task.TaskDueDateChangedEvent;
import io.taskbot.task.TaskErrorCode;
import io.taskbot.task.TaskException;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskPriorityChangedEvent;
import io.taskbot.task.TaskRenamedEvent;
import io.taskbot.task.TaskReopenedEvent;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskTagsChangedEvent;
import io.taskbot.task.TaskUnarchivedEvent;
import io.taskbot.task.TaskWritten;
import io.taskbot.task.UpdateTaskCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.taskbot.command.task.TaskFixtures.CREATED_AT;
import static io.taskbot.command.task.TaskFixtures.LATER;
import static io.taskbot.command.task.TaskFixtures.OWNER;
import static io.taskbot.command.task.TaskFixtures.STRANGER;
import static io.taskbot.command.task.TaskFixtures.TASK_ID;
import static io.taskbot.command.task.TaskFixtures.createCommand;
import static io.taskbot.command.task.TaskFixtures.pendingTask;
import static io.taskbot.command.task.TaskFixtures.pendingTaskDue;
import static io.taskbot.command.task.TaskFixtures.repeat;
import static io.taskbot.command.task.TaskFixtures.update;
import static org.hamcrest.Matchers.equalTo;

class TaskTest {

    private AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
        AtomicLong sequence = new AtomicLong();
        fixture.registerAnnotatedCommandHandler(
                new TaskCreationHandler(fixture.getRepository(), () -> TaskId.of(sequence.incrementAndGet())));
    }

    private ResultValidator<Task> expectRuleViolation(ResultValidator<Task> result, TaskErrorCode code) {
        return result.expectException(TaskException.class)
                .expectException(withCode(code))
                .expectNoEvents();
    }

    private static Matcher<TaskException> withCode(TaskErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "task exception with code", "code") {
            @Override
            protected TaskErrorCode featureValueOf(TaskException exception) {
                return exception.code();
            }
        };
    }

    @Nested
    class Creating {

        @Test
        void createsAPendingTaskWithTheAllocatedId() {
            fixture.givenNoPriorActivity()
                    .when(createCommand())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(pendingTask())
                    .expectResultMessagePayload(new TaskWritten(TASK_ID, 0));
        }

        @Test
        void keepsEverythingTheTaskWasCreatedWith() {
            DueDate due = DueDate.parse("2026-12-24T17:00:00+01:00");
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(OWNER, "  Plan the sprint ", "two weeks", Priority.HIGH, due,
                            List.of("#Work", "planning", "work"), CREATED_AT))
                    .expectEvents(new TaskCreatedEvent(TASK_ID, OWNER, "Plan the sprint", "two weeks",
                            Priority.HIGH, due, List.of("work", "planning"), CREATED_AT));
        }

        @Test
        void defaultsToMediumPriority() {
            fixture.givenNoPriorActivity()
                    .when(new CreateTaskCommand(OWNER, "t", null, null, null, null, CREATED_AT))
                    .expectEvents(new TaskCreatedEvent(TASK_ID, OWNER, "t", "", Priority.MEDIUM, null, List.of(),
                            CREATED_AT));
        }

        @Test
        void refusesABlankTitle() {
            expectRuleViolation(fixture.givenNoPriorActivity()
                    .when(CreateTaskCommand.titled(OWNER, "   ", CREATED_AT)), TaskErrorCode.TITLE_REQUIRED);
        }

        @Test
        void refusesAMissingTitle() {
            expectRuleViolation(fixture.givenNoPriorActivity()
                    .when(CreateTaskCommand.titled(OWNER, null, CREATED_AT)), TaskErrorCode.TITLE_REQUIRED);
        }

        @Test
        void acceptsATitleOf255Characters() {
            String title = repeat('x', 255);
            fixture.givenNoPriorActivity()
                    .when(CreateTaskCommand.titled(OWNER, title, CREATED_AT))
                    .expectEvents(new TaskCreatedEvent(TASK_ID, OWNER, title, "", Priority.MEDIUM, null, List.of(),
                            CREATED_AT));
        }

        @Test
        void refusesATitleOf256Characters() {
            expectRuleViolation(fixture.givenNoPriorActivity()
                            .when(CreateTaskCommand.titled(OWNER, repeat('x', 256), CREATED_AT)),
                    TaskErrorCode.TITLE_TOO_LONG);
        }

        @Test
        void refusesADescriptionOver1000Characters() {
            expectRuleViolation(fixture.givenNoPriorActivity()
                            .when(new CreateTaskCommand(OWNER, "t", repeat('d', 1001), null, null, null, CREATED_AT)),
                    TaskErrorCode.DESCRIPTION_TOO_LONG);
        }

        @Test
        void refusesInvalidTags() {
            expectRuleViolation(fixture.givenNoPriorActivity()
                            .when(new CreateTaskCommand(OWNER, "t", null, null, null, List.of("a/b"), CREATED_AT)),
                    TaskErrorCode.INVALID_TAG);
        }
    }

    @Nested
    class Updating {

        @Test
        void renamesATask() {
            fixture.given(pendingTask())
                    .when(update().withTitle("Buy sourdough bread"))
                    .expectEvents(new TaskRenamedEvent(TASK_ID, "Buy sourdough bread", LATER))
                    .expectResultMessagePayload(new TaskWritten(TASK_ID, 1));
        }

        @Test
        void emitsOneEventPerChangedField() {
            DueDate due = DueDate.parse("2026-12-01");
            fixture.given(pendingTask())
                    .when(update().withTitle("Buy rye bread").withDescription("no seeds").withPriority(Priority.URGENT)
                            .withDueDate(due).withTags(List.of("errands")).withStatus(TaskStatus.COMPLETED))
                    .expectEvents(
                            new TaskRenamedEvent(TASK_ID, "Buy rye bread", LATER),
                            new TaskDescriptionChangedEvent(TASK_ID, "no seeds", LATER),
                            new TaskPriorityChangedEvent(TASK_ID, Priority.URGENT, LATER),
                            new TaskDueDateChangedEvent(TASK_ID, due, LATER),
                            new TaskTagsChangedEvent(TASK_ID, List.of("errands"), LATER),
                            new TaskCompletedEvent(TASK_ID, LATER))
                    .expectResultMessagePayload(new TaskWritten(TASK_ID, 6));
        }

        @Test
        void anUpdateThatChangesNothingEmitsNothing() {
            fixture.given(pendingTask())
                    .when(update().withTitle("Buy bread").withDescription("").withPriority(Priority.MEDIUM)
                            .withStatus(TaskStatus.PENDING).withTags(List.of()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new TaskWritten(TASK_ID, 0));
        }

        @Test
        void anEmptyUpdateEmitsNothing() {
            fixture.given(pendingTask())
                    .when(update())
                    .expectNoEvents();
        }

        @Test
        void renamingToTheSameTitleWithSurroundingSpacesEmitsNothing() {
            fixture.given(pendingTask())
                    .when(update().withTitle("  Buy bread  "))
                    .expectNoEvents();
        }

        @Test
        void tagsThatNormalizeToTheSameEmitNothing() {
            fixture.given(new TaskCreatedEvent(TASK_ID, OWNER, "t", "", Priority.MEDIUM, null, List.of("work"),
                            CREATED_AT))
                    .when(update().withTags(List.of("#WORK")))
                    .expectNoEvents();
        }

        @Test
        void clearsTheDueDate() {
            fixture.given(pendingTaskDue(DueDate.parse("2026-12-01")))
                    .when(update().withoutDueDate())
                    .expectEvents(new TaskDueDateChangedEvent(TASK_ID, null, LATER));
        }

        @Test
        void clearingAMissingDueDateEmitsNothing() {
            fixture.given(pendingTask())
                    .when(update().withoutDueDate())
                    .expectNoEvents();
        }

        @Test
        void refusesATooLongTitleAndChangesNothingElse() {
            expectRuleViolation(fixture.given(pendingTask())
                            .when(update().withPriority(Priority.HIGH).withTitle(repeat('x', 256))),
                    TaskErrorCode.TITLE_TOO_LONG);
        }

        @Test
        void refusesABlankTitle() {
            expectRuleViolation(fixture.given(pendingTask()).when(update().withTitle(" ")),
                    TaskErrorCode.TITLE_REQUIRED);
        }

        @Test
        void refusesATooLongDescription() {
            expectRuleViolation(fixture.given(pendingTask()).when(update().withDescription(repeat('d', 1001))),
                    TaskErrorCode.DESCRIPTION_TOO_LONG);
        }

        @Test
        void onlyTheOwnerMayChangeATask() {
            expectRuleViolation(fixture.given(pendingTask())
                            .when(UpdateTaskCommand.of(TASK_ID, STRANGER, LATER).withTitle("mine now")),
                    TaskErrorCode.NOT_OWNER);
        }

        @Test
        void cannotRenameADeletedTask() {
            expectRuleViolation(fixture.given(pendingTask(), new TaskDeletedEvent(TASK_ID, LATER))
                    .when(update().withTitle("again")), TaskErrorCode.DELETED);
        }
    }

    @Nested
    class StatusTransitions {

        @Test
        void completesAPendingTask() {
            fixture.given(pendingTask())
                    .when(update().withStatus(TaskStatus.COMPLETED))
                    .expectEvents(new TaskCompletedEvent(TASK_ID, LATER));
        }

        @Test
        void completingACompletedTaskEmitsNothing() {
            fixture.given(pendingTask(), new TaskCompletedEvent(TASK_ID, CREATED_AT))
                    .when(update().withStatus(TaskStatus.COMPLETED))
                    .expectNoEvents();
        }

        @Test
        void reopensACompletedTask() {
            fixture.given(pendingTask(), new TaskCompletedEvent(TASK_ID, CREATED_AT))
                    .when(update().withStatus(TaskStatus.PENDING))
                    .expectEvents(new TaskReopenedEvent(TASK_ID, LATER));
        }

        @Test
        void archivesPendingAndCompletedTasks() {
            fixture.given(pendingTask())
                    .when(update().withStatus(TaskStatus.ARCHIVED))
                    .expectEvents(new TaskArchivedEvent(TASK_ID, LATER));
            fixture.given(pendingTask(), new TaskCompletedEvent(TASK_ID, CREATED_AT))
                    .when(update().withStatus(TaskStatus.ARCHIVED))
                    .expectEvents(new TaskArchivedEvent(TASK_ID, LATER));
        }

        @Test
        void unarchivesToPending() {
            fixture.given(pendingTask(), new TaskArchivedEvent(TASK_ID, CREATED_AT))
                    .when(update().withStatus(TaskStatus.PENDING))
                    .expectEvents(new TaskUnarchivedEvent(TASK_ID, LATER));
        }

        @Test
        void cannotCompleteAnArchivedTask() {
            expectRuleViolation(fixture.given(pendingTask(), new TaskArchivedEvent(TASK_ID, CREATED_AT))
                    .when(update().withStatus(TaskStatus.COMPLETED)), TaskErrorCode.INVALID_STATUS_TRANSITION);
        }

        @Test
        void anInvalidTransitionChangesNoOtherField() {
            expectRuleViolation(fixture.given(pendingTask(), new TaskArchivedEvent(TASK_ID, CREATED_AT))
                            .when(update().withTitle("new").withStatus(TaskStatus.COMPLETED)),
                    TaskErrorCode.INVALID_STATUS_TRANSITION);
        }
    }

    @Nested
    class Deleting {

        @Test
        void deletesATask() {
            fixture.given(pendingTask())
                    .when(new DeleteTaskCommand(TASK_ID, OWNER, LATER))
                    .expectEvents(new TaskDeletedEvent(TASK_ID, LATER))
                    .expectResultMessagePayload(new TaskWritten(TASK_ID, 1));
        }

        @Test
        void cannotDeleteTwice() {
            expectRuleViolation(fixture.given(pendingTask(), new TaskDeletedEvent(TASK_ID, LATER))
                    .when(new DeleteTaskCommand(TASK_ID, OWNER, LATER)), TaskErrorCode.DELETED);
        }

        @Test
        void cannotDeleteSomeoneElsesTask() {
            expectRuleViolation(fixture.given(pendingTask())
                    .when(new DeleteTaskCommand(TASK_ID, STRANGER, LATER)), TaskErrorCode.NOT_OWNER);
        }
    }
}
