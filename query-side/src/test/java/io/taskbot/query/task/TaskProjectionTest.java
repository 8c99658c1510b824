package io.taskbot.query.task;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.taskbot.query.progress.ProjectionProgress;
import io.taskbot.task.DueDate;
import io.taskbot.task.FindTaskQuery;
import io.taskbot.task.FindTasksQuery;
import io.taskbot.task.Priority;
import io.taskbot.task.Recurrence;
import io.taskbot.task.Schedule;
import io.taskbot.task.TaskArchivedEvent;
import io.taskbot.task.TaskCompletedEvent;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskDeletedEvent;
import io.taskbot.task.TaskDescriptionChangedEvent;
import io.taskbot.task.TaskDueDateChangedEvent;
import io.taskbot.task.TaskEvent;
import io.taskbot.task.TaskFilter;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskLookup;
import io.taskbot.task.TaskOccurrenceCompletedEvent;
import io.taskbot.task.TaskPriorityChangedEvent;
import io.taskbot.task.TaskRecurrenceChangedEvent;
import io.taskbot.task.TaskRenamedEvent;
import io.taskbot.task.TaskRestoredEvent;
import io.taskbot.task.TaskSort;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskTagsChangedEvent;
import io.taskbot.task.TaskView;
import io.taskbot.user.UserId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaskProjectionTest {

    private static final UserId ALICE = UserId.of(1);
    private static final UserId BOB = UserId.of(2);
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-21T10:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private TaskProjection projection;
    private TaskQueryHandler queries;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        TaskViewStore store = new TaskViewStore(client.getDatabase("taskbot-test"), 1);
        store.createIndexes();
        ProjectionProgress<StoredTask> progress = new ProjectionProgress<>(Duration.ofMillis(200));
        projection = new TaskProjection(store, 1, progress, () -> true);
        queries = new TaskQueryHandler(() -> 1, generation -> store, progress);
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdown();
    }

    private static TaskCreatedEvent created(long id, UserId owner, String title, Priority priority, Instant at) {
        return new TaskCreatedEvent(TaskId.of(id), owner, title, "", priority, null, List.of(), at);
    }

    private TaskView task(long id, UserId requester) {
        TaskLookup lookup = queries.handle(new FindTaskQuery(requester, TaskId.of(id)));
        assertThat(lookup.outcome()).isEqualTo(TaskLookup.Outcome.FOUND);
        return lookup.task();
    }

    private List<String> titles(FindTasksQuery query) {
        return queries.handle(query).tasks().stream().map(TaskView::title).toList();
    }

    @Test
    void projectsACreatedTask() {
        projection.on(new TaskCreatedEvent(TaskId.of(1), ALICE, "Buy bread", "rye", Priority.HIGH,
                DueDate.parse("2026-12-24"), List.of("errands"), T0), 0);

        TaskView view = task(1, ALICE);
        assertThat(view.title()).isEqualTo("Buy bread");
        assertThat(view.description()).isEqualTo("rye");
        assertThat(view.priority()).isEqualTo(Priority.HIGH);
        assertThat(view.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(view.dueDate()).isEqualTo(DueDate.parse("2026-12-24"));
        assertThat(view.tags()).containsExactly("errands");
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.updatedAt()).isEqualTo(T0);
        assertThat(view.version()).isZero();
    }

    @Test
    void appliesEachChangeAndTouchesUpdatedAt() {
        projection.on(created(1, ALICE, "Buy bread", Priority.MEDIUM, T0), 0);
        projection.on(new TaskRenamedEvent(TaskId.of(1), "Buy rye bread", T1), 1);
        projection.on(new TaskDescriptionChangedEvent(TaskId.of(1), "no seeds", T1), 2);
        projection.on(new TaskPriorityChangedEvent(TaskId.of(1), Priority.URGENT, T1), 3);
        projection.on(new TaskDueDateChangedEvent(TaskId.of(1), DueDate.parse("2026-12-01T17:00:00+01:00"), T1), 4);
        projection.on(new TaskTagsChangedEvent(TaskId.of(1), List.of("home"), T1), 5);
        projection.on(new TaskCompletedEvent(TaskId.of(1), T1), 6);

        TaskView view = task(1, ALICE);
        assertThat(view.title()).isEqualTo("Buy rye bread");
        assertThat(view.description()).isEqualTo("no seeds");
        assertThat(view.priority()).isEqualTo(Priority.URGENT);
        assertThat(view.dueDate().value()).isEqualTo("2026-12-01T17:00+01:00");
        assertThat(view.tags()).containsExactly("home");
        assertThat(view.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(view.updatedAt()).isEqualTo(T1);
        assertThat(view.version()).isEqualTo(6);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        TaskCreatedEvent creation = created(1, ALICE, "Buy bread", Priority.MEDIUM, T0);
        projection.on(creation, 0);
        projection.on(new TaskRenamedEvent(TaskId.of(1), "Second title", T1), 1);
        projection.on(new TaskRenamedEvent(TaskId.of(1), "Third title", T1), 2);

        // at-least-once delivery: an older event arrives again
        projection.on(creation, 0);
        projection.on(new TaskRenamedEvent(TaskId.of(1), "Second title", T1), 1);

        assertThat(task(1, ALICE).title()).isEqualTo("Third title");
        assertThat(task(1, ALICE).version()).isEqualTo(2);
    }

    /** Runs the events as one batch of a processor: one unit of work over all of them, committed at the end. */
    private void batch(List<Object> events, List<Long> versions) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(new GenericDomainEventMessage<>("Task", "task", versions.get(i), events.get(i)));
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        unitOfWork.executeWithResult(() -> {
            DomainEventMessage<?> message = (DomainEventMessage<?>) unitOfWork.getMessage();
            projection.on((TaskEvent) message.getPayload(), message.getSequenceNumber());
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
    }

    @Test
    void aBatchIsWrittenWhenItCommitsAsItsEventsLeaveEachTask() {
        TaskCreatedEvent creation = created(1, ALICE, "Buy bread", Priority.MEDIUM, T0);
        batch(List.of(creation, created(2, BOB, "Bob's", Priority.LOW, T0),
                        new TaskRenamedEvent(TaskId.of(1), "Buy rye bread", T1)), List.of(0L, 0L, 1L));
        assertThat(task(1, ALICE).title()).isEqualTo("Buy rye bread");
        assertThat(task(1, ALICE).version()).isEqualTo(1);
        assertThat(task(2, BOB).title()).isEqualTo("Bob's");

        // the next batch starts from what the store holds
        batch(List.of(new TaskCompletedEvent(TaskId.of(1), T1)), List.of(2L));
        assertThat(task(1, ALICE).status()).isEqualTo(TaskStatus.COMPLETED);

        // after a crash the processor delivers from an older token again: the store, already further, stays
        batch(List.of(creation, new TaskRenamedEvent(TaskId.of(1), "Buy rye bread", T1)), List.of(0L, 1L));
        assertThat(task(1, ALICE).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task(1, ALICE).version()).isEqualTo(2);

        // and a redelivery that goes past what the store holds carries on from there
        batch(List.of(creation, new TaskRenamedEvent(TaskId.of(1), "Buy rye bread", T1),
                new TaskCompletedEvent(TaskId.of(1), T1), new TaskRenamedEvent(TaskId.of(1), "Bread", T1)),
                List.of(0L, 1L, 2L, 3L));
        assertThat(task(1, ALICE).title()).isEqualTo("Bread");
        assertThat(task(1, ALICE).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task(1, ALICE).version()).isEqualTo(3);
    }

    @Test
    void aBatchThatRollsBackWritesNothing() {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.of(
                new GenericDomainEventMessage<>("Task", "task", 0, created(1, ALICE, "Buy bread", Priority.MEDIUM, T0))));
        unitOfWork.executeWithResult(() -> {
            DomainEventMessage<?> message = (DomainEventMessage<?>) unitOfWork.getMessage();
            projection.on((TaskEvent) message.getPayload(), message.getSequenceNumber());
            throw new IllegalStateException("the token store is away");
        }, RollbackConfigurationType.ANY_THROWABLE);

        assertThat(queries.handle(new FindTaskQuery(ALICE, TaskId.of(1))).outcome())
                .isEqualTo(TaskLookup.Outcome.NOT_FOUND);
    }

    @Test
    void aDeletedTaskIsGoneButItsVersionIsKnown() {
        projection.on(created(1, ALICE, "Buy bread", Priority.MEDIUM, T0), 0);
        projection.on(new TaskDeletedEvent(TaskId.of(1), T1), 1);
        projection.on(new TaskRenamedEvent(TaskId.of(1), "late redelivery", T1), 1);

        assertThat(queries.handle(new FindTaskQuery(ALICE, TaskId.of(1))).outcome())
                .isEqualTo(TaskLookup.Outcome.NOT_FOUND);
        assertThat(queries.handle(new FindTaskQuery(ALICE, TaskId.of(1), 1)).outcome())
                .as("the tombstone counts as having reached the deletion")
                .isEqualTo(TaskLookup.Outcome.NOT_FOUND);
        assertThat(queries.handle(new FindTasksQuery(ALICE, null, null, 0, 50)).total()).isZero();
    }

    @Test
    void aLookupForAVersionNotYetProjectedSaysBehind() {
        projection.on(created(1, ALICE, "Buy bread", Priority.MEDIUM, T0), 0);

        assertThat(queries.handle(new FindTaskQuery(ALICE, TaskId.of(1), 1)).outcome())
                .isEqualTo(TaskLookup.Outcome.BEHIND);
        assertThat(queries.handle(new FindTaskQuery(ALICE, TaskId.of(99), 0)).outcome())
                .isEqualTo(TaskLookup.Outcome.BEHIND);
        projection.on(new TaskRenamedEvent(TaskId.of(1), "Buy rye bread", T1), 1);
        assertThat(queries.handle(new FindTaskQuery(ALICE, TaskId.of(1), 1)).task().title())
                .isEqualTo("Buy rye bread");
    }

    @Test
    void aRecurringTaskKeepsItsScheduleThroughTheStore() {
        Schedule weekly = new Schedule(Recurrence.parse("FREQ=WEEKLY;BYDAY=MO"), DueDate.parse("2026-11-23"),
                ZoneId.of("Europe/Berlin"));
        projection.on(created(1, ALICE, "Water the plants", Priority.MEDIUM, T0), 0);
        projection.on(new TaskRecurrenceChangedEvent(TaskId.of(1), weekly, T1), 1);
        projection.on(new TaskOccurrenceCompletedEvent(TaskId.of(1), DueDate.parse("2026-11-23"),
                DueDate.parse("2026-11-30"), T1.plusSeconds(1)), 2);

        TaskView view = task(1, ALICE);
        assertThat(view.recurrence()).isEqualTo(Recurrence.parse("FREQ=WEEKLY;BYDAY=MO"));
        assertThat(view.dueDate()).isEqualTo(DueDate.parse("2026-11-30"));
        assertThat(view.status()).isEqualTo(TaskStatus.PENDING);

        projection.on(new TaskRecurrenceChangedEvent(TaskId.of(1), null, T1.plusSeconds(2)), 3);
        assertThat(task(1, ALICE).recurrence()).isNull();
    }

    @Test
    void aRestoredTaskIsThereAgain() {
        projection.on(created(1, ALICE, "Buy bread", Priority.MEDIUM, T0), 0);
        projection.on(new TaskDeletedEvent(TaskId.of(1), T1), 1);
        projection.on(new TaskRestoredEvent(TaskId.of(1), T1.plusSeconds(1)), 2);

        assertThat(task(1, ALICE).title()).isEqualTo("Buy bread");
        assertThat(task(1, ALICE).version()).isEqualTo(2);
    }

    @Test
    void onlyTheOwnerSeesATask() {
        projection.on(created(1, ALICE, "Alice's", Priority.MEDIUM, T0), 0);

        assertThat(queries.handle(new FindTaskQuery(BOB, TaskId.of(1))).outcome())
                .isEqualTo(TaskLookup.Outcome.NOT_OWNER);
        assertThat(queries.handle(new FindTaskQuery(BOB, TaskId.of(1))).task()).isNull();
        assertThat(queries.handle(new FindTasksQuery(BOB, null, null, 0, 50)).tasks()).isEmpty();
    }

    @Test
    void listsOldestFirstWithPagingAndTotals() {
        for (int i = 1; i <= 5; i++) {
            projection.on(created(i, ALICE, "task " + i, Priority.MEDIUM, T0.plusSeconds(i)), 0);
        }
        projection.on(created(6, BOB, "bob's", Priority.MEDIUM, T0), 0);

        FindTasksQuery secondPage = new FindTasksQuery(ALICE, null, null, 2, 2);
        assertThat(titles(secondPage)).containsExactly("task 3", "task 4");
        assertThat(queries.handle(secondPage).total()).isEqualTo(5);
        assertThat(titles(new FindTasksQuery(ALICE, null, null, 4, 10))).containsExactly("task 5");
        assertThat(titles(new FindTasksQuery(ALICE, null, null, 10, 10))).isEmpty();
    }

    @Test
    void filtersByStatusPriorityTagAndText() {
        projection.on(created(1, ALICE, "Walk the dog", Priority.LOW, T0), 0);
        projection.on(created(2, ALICE, "Buy bread (rye)", Priority.HIGH, T0.plusSeconds(1)), 0);
        projection.on(new TaskCompletedEvent(TaskId.of(2), T1), 1);
        projection.on(new TaskTagsChangedEvent(TaskId.of(1), List.of("pets"), T1), 1);

        assertThat(titles(new FindTasksQuery(ALICE, TaskFilter.withStatus(TaskStatus.COMPLETED), null, 0, 50)))
                .containsExactly("Buy bread (rye)");
        assertThat(titles(new FindTasksQuery(ALICE, new TaskFilter(null, Priority.LOW, null, null), null, 0, 50)))
                .containsExactly("Walk the dog");
        assertThat(titles(new FindTasksQuery(ALICE, new TaskFilter(null, null, null, "pets"), null, 0, 50)))
                .containsExactly("Walk the dog");
        assertThat(titles(new FindTasksQuery(ALICE, new TaskFilter(null, null, "BREAD (R", null), null, 0, 50)))
                .as("search is literal and ignores case")
                .containsExactly("Buy bread (rye)");
        assertThat(titles(new FindTasksQuery(ALICE, new TaskFilter(null, null, ".*", null), null, 0, 50)))
                .as("regex characters are taken literally")
                .isEmpty();
    }

    @Test
    void filtersByCompletionCombinedWithTextAndPriority() {
        projection.on(created(1, ALICE, "Report draft", Priority.HIGH, T0), 0);
        projection.on(created(2, ALICE, "Report final", Priority.HIGH, T0.plusSeconds(1)), 0);
        projection.on(created(3, ALICE, "Old report", Priority.LOW, T0.plusSeconds(2)), 0);
        projection.on(created(4, ALICE, "Groceries", Priority.HIGH, T0.plusSeconds(3)), 0);
        projection.on(new TaskCompletedEvent(TaskId.of(1), T1), 1);
        projection.on(new TaskArchivedEvent(TaskId.of(3), T1), 1);

        assertThat(titles(new FindTasksQuery(ALICE, new TaskFilter(null, null, null, null, true), null, 0, 50)))
                .containsExactly("Report draft");
        assertThat(titles(new FindTasksQuery(ALICE, new TaskFilter(null, null, null, null, false), null, 0, 50)))
                .as("not completed covers pending and archived tasks")
                .containsExactly("Report final", "Old report", "Groceries");
        assertThat(titles(new FindTasksQuery(ALICE, new TaskFilter(null, Priority.HIGH, "REPORT", null, false),
                null, 0, 50))).containsExactly("Report final");
        FindTasksQuery firstOfTwo = new FindTasksQuery(ALICE, new TaskFilter(null, null, "report", null, false),
                new TaskSort(TaskSort.Field.CREATED_AT, false), 0, 1);
        assertThat(titles(firstOfTwo)).containsExactly("Old report");
        assertThat(queries.handle(firstOfTwo).total()).as("the total counts every match, not the page").isEqualTo(2);
    }

    @Test
    void filtersByDueDayRangeForDatesAndDateTimes() {
        projection.on(new TaskCreatedEvent(TaskId.of(1), ALICE, "no date", "", Priority.MEDIUM, null, List.of(), T0), 0);
        projection.on(new TaskCreatedEvent(TaskId.of(2), ALICE, "first", "", Priority.MEDIUM,
                DueDate.parse("2026-12-01"), List.of(), T0), 0);
        projection.on(new TaskCreatedEvent(TaskId.of(3), ALICE, "second evening", "", Priority.MEDIUM,
                DueDate.parse("2026-12-02T18:00:00+01:00"), List.of(), T0), 0);
        projection.on(new TaskCreatedEvent(TaskId.of(4), ALICE, "third", "", Priority.MEDIUM,
                DueDate.parse("2026-12-03"), List.of(), T0), 0);

        assertThat(titles(new FindTasksQuery(ALICE, new TaskFilter(null, null, null, null, null,
                java.time.LocalDate.parse("2026-12-02"), java.time.LocalDate.parse("2026-12-02")), null, 0, 50)))
                .containsExactly("second evening");
        assertThat(titles(new FindTasksQuery(ALICE, new TaskFilter(null, null, null, null, null,
                null, java.time.LocalDate.parse("2026-12-02")), null, 0, 50)))
                .containsExactly("first", "second evening");
        assertThat(titles(new FindTasksQuery(ALICE, new TaskFilter(null, null, null, null, null,
                java.time.LocalDate.parse("2026-12-02"), null), null, 0, 50)))
                .containsExactly("second evening", "third");
    }

    @Test
    void sortsByPriorityRank() {
        projection.on(created(1, ALICE, "high", Priority.HIGH, T0), 0);
        projection.on(created(2, ALICE, "low", Priority.LOW, T0), 0);
        projection.on(created(3, ALICE, "urgent", Priority.URGENT, T0), 0);
        projection.on(created(4, ALICE, "medium", Priority.MEDIUM, T0), 0);

        assertThat(titles(new FindTasksQuery(ALICE, null, new TaskSort(TaskSort.Field.PRIORITY, false), 0, 50)))
                .containsExactly("urgent", "high", "medium", "low");
        assertThat(titles(new FindTasksQuery(ALICE, null, new TaskSort(TaskSort.Field.PRIORITY, true), 0, 50)))
                .containsExactly("low", "medium", "high", "urgent");
    }
}
