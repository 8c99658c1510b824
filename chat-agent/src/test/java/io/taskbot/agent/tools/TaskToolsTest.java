package io.taskbot.agent.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskbot.agent.InMemoryTaskbot;
import io.taskbot.messaging.Channel;
import io.taskbot.messaging.MetadataKeys;
import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.DeleteTaskCommand;
import io.taskbot.task.DueDate;
import io.taskbot.task.FindTasksQuery;
import io.taskbot.task.Priority;
import io.taskbot.task.Recurrence;
import io.taskbot.task.TaskSort;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskView;
import io.taskbot.task.UndoTaskCommand;
import io.taskbot.task.UpdateTaskCommand;
import io.taskbot.user.UserId;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each tool sends and answers, against Axon's in-process buses with in-memory handlers: the commands and queries
 * it dispatches with their arguments and metadata, the JSON the model gets back, and that a refused call becomes a
 * tool result rather than a failed turn.
 */
class TaskToolsTest {

    private static final UserId ALICE = UserId.of(7);
    private static final UserId BOB = UserId.of(8);
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final Channel CHANNEL = Channel.conversation("conv_1");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryTaskbot taskbot = new InMemoryTaskbot();
    private final TaskTools tools = new TaskTools(taskbot.commands(), taskbot.queries(),
            Clock.fixed(NOW, ZoneOffset.UTC), ALICE, CHANNEL, "req-1");

    @Test
    void createSendsOneCommandForTheTurnsUserAndAnswersWithTheTodo() throws Exception {
        JsonNode todo = JSON.readTree(tools.createTodo("Buy milk", "two litres", "high", "2026-03-05",
                List.of("shop"), null));

        assertThat(taskbot.sent(CreateTaskCommand.class)).containsExactly(new CreateTaskCommand(ALICE, "Buy milk",
                "two litres", Priority.HIGH, DueDate.parse("2026-03-05"), List.of("shop"), NOW));
        assertThat(todo.get("title").asText()).isEqualTo("Buy milk");
        assertThat(todo.get("priority").asText()).isEqualTo("high");
        assertThat(todo.get("due_date").asText()).isEqualTo("2026-03-05");
        assertThat(todo.get("completed").asBoolean()).isFalse();
        assertThat(todo.get("id").asText()).isEqualTo(Long.toString(taskbot.tasksOf(ALICE).get(0).id().value()));
    }

    @Test
    void everyCommandCarriesTheTurnsUserChannelAndRequest() {
        tools.createTodo("Buy milk", null, null, null, null, null);
        String id = Long.toString(taskbot.tasksOf(ALICE).get(0).id().value());
        tools.updateTodo(id, null, null, null, null, null, true, null, null);
        tools.deleteTodo(id);

        List<Message<?>> commands = taskbot.commandMessages();
        assertThat(commands).hasSize(3);
        assertThat(commands).allSatisfy(command -> assertThat(command.getMetaData())
                .containsAllEntriesOf(MetadataKeys.of(ALICE, CHANNEL, "req-1")));
    }

    @Test
    void theToolsActForTheTurnsUserOnlyWhateverTheModelAsks() throws Exception {
        TaskView bobs = taskbot.seed(BOB, "Bob's secret");
        String id = Long.toString(bobs.id().value());

        assertThat(error(tools.updateTodo(id, "mine now", null, null, null, null, null, null, null)))
                .isEqualTo("no task with this id");
        assertThat(error(tools.deleteTodo(id))).isEqualTo("no task with this id");
        assertThat(JSON.readTree(tools.searchTodos("secret"))).isEmpty();

        assertThat(taskbot.sent(UpdateTaskCommand.class)).allSatisfy(update ->
                assertThat(update.requester()).isEqualTo(ALICE));
        assertThat(taskbot.sent(DeleteTaskCommand.class)).isEmpty();
        assertThat(taskbot.sent(FindTasksQuery.class)).allSatisfy(find -> assertThat(find.owner()).isEqualTo(ALICE));
        assertThat(taskbot.tasksOf(BOB)).extracting(TaskView::title).containsExactly("Bob's secret");
    }

    @Test
    void updateChangesOnlyTheGivenFields() {
        TaskView task = taskbot.seed(ALICE, "Call mum");
        String id = Long.toString(task.id().value());

        tools.updateTodo(id, null, null, "urgent", "2026-03-03T18:00:00+01:00", null, null, null, null);
        tools.updateTodo(id, null, null, null, null, null, true, null, null);
        tools.updateTodo(id, null, null, null, "", null, false, null, null);

        assertThat(taskbot.sent(UpdateTaskCommand.class)).containsExactly(
                UpdateTaskCommand.of(task.id(), ALICE, NOW).withPriority(Priority.URGENT)
                        .withDueDate(DueDate.parse("2026-03-03T18:00:00+01:00")),
                UpdateTaskCommand.of(task.id(), ALICE, NOW).withStatus(TaskStatus.COMPLETED),
                // an empty due date means "not given", not "clear it"
                UpdateTaskCommand.of(task.id(), ALICE, NOW).withStatus(TaskStatus.PENDING));
    }

    @Test
    void recurrenceIsARuleExpandedInTheUsersZoneAndNoneStopsIt() throws Exception {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        TaskTools inBerlin = new TaskTools(taskbot.commands(), taskbot.queries(), Clock.fixed(NOW, ZoneOffset.UTC),
                ALICE, berlin, CHANNEL, "req-1");

        JsonNode todo = JSON.readTree(inBerlin.createTodo("Team meeting", null, null, "2026-03-02", null,
                "FREQ=WEEKLY;BYDAY=MO"));
        String id = todo.get("id").asText();
        JsonNode stopped = JSON.readTree(inBerlin.updateTodo(id, null, null, null, null, null, null, null, "none"));
        JsonNode again = JSON.readTree(inBerlin.updateTodo(id, null, null, null, null, null, null, null,
                "FREQ=DAILY"));

        assertThat(todo.get("recurrence").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
        assertThat(taskbot.sent(CreateTaskCommand.class).get(0).recurrence())
                .isEqualTo(Recurrence.parse("FREQ=WEEKLY;BYDAY=MO"));
        assertThat(taskbot.sent(CreateTaskCommand.class).get(0).zone()).isEqualTo(berlin);
        assertThat(stopped.get("recurrence").isNull()).as("a todo always shows its recurrence").isTrue();
        assertThat(taskbot.sent(UpdateTaskCommand.class).get(0).clearRecurrence()).isTrue();
        assertThat(again.get("recurrence").asText()).isEqualTo("FREQ=DAILY");
        assertThat(taskbot.sent(UpdateTaskCommand.class).get(1).zone()).isEqualTo(berlin);
    }

    @Test
    void aMalformedRuleIsAnErrorTheModelCanRelayAndSendsNothing() throws Exception {
        assertThat(error(tools.createTodo("Gym", null, null, null, null, "every monday")))
                .contains("RFC 5545");
        assertThat(taskbot.sent(CreateTaskCommand.class)).isEmpty();
    }

    @Test
    void undoSendsOneUndoForTheTurnsUserAndAnswersWithTheTaskAsItIsNow() throws Exception {
        TaskView task = taskbot.seed(ALICE, "Call mum");
        String id = Long.toString(task.id().value());
        tools.updateTodo(id, "Call dad", null, null, null, null, null, null, null);

        JsonNode undone = JSON.readTree(tools.undoTodo(id));

        assertThat(taskbot.sent(UndoTaskCommand.class)).containsExactly(new UndoTaskCommand(task.id(), ALICE, NOW));
        assertThat(undone.get("title").asText()).isEqualTo("Call mum");
        assertThat(error(tools.undoTodo(id))).contains("no change left to undo");
        assertThat(error(tools.undoTodo(Long.toString(taskbot.seed(BOB, "Bob's").id().value()))))
                .isEqualTo("no task with this id");
    }

    @Test
    void completeTodosChangesEachNamedTaskAndReportsEachRefusalByItsId() throws Exception {
        TaskView first = taskbot.seed(ALICE, "one");
        TaskView second = taskbot.seed(ALICE, "two");
        TaskView bobs = taskbot.seed(BOB, "Bob's");
        String one = Long.toString(first.id().value());
        String two = Long.toString(second.id().value());
        String his = Long.toString(bobs.id().value());

        JsonNode done = JSON.readTree(tools.completeTodos(List.of(one, "999", two, his), null));

        assertThat(done).hasSize(4);
        assertThat(done.get(0).get("title").asText()).isEqualTo("one");
        assertThat(done.get(0).get("completed").asBoolean()).isTrue();
        assertThat(JSON.convertValue(done.get(1), Map.class))
                .isEqualTo(Map.of("id", "999", "error", "no task with this id"));
        assertThat(done.get(2).get("completed").asBoolean()).isTrue();
        assertThat(JSON.convertValue(done.get(3), Map.class))
                .isEqualTo(Map.of("id", his, "error", "no task with this id"));
        assertThat(taskbot.tasksOf(BOB)).singleElement().satisfies(task -> assertThat(task.completed()).isFalse());
        assertThat(TaskTools.isError(tools.completeTodos(List.of(one), null))).isFalse();

        JsonNode reopened = JSON.readTree(tools.completeTodos(List.of(two), false));
        assertThat(reopened.get(0).get("completed").asBoolean()).isFalse();
        assertThat(taskbot.sent(UpdateTaskCommand.class)).contains(
                UpdateTaskCommand.of(second.id(), ALICE, NOW).withStatus(TaskStatus.COMPLETED),
                UpdateTaskCommand.of(second.id(), ALICE, NOW).withStatus(TaskStatus.PENDING));
    }

    @Test
    void completeTodosNeedsAtLeastOneId() {
        assertThat(error(tools.completeTodos(List.of(), true))).isEqualTo("name between 1 and 100 task ids");
        assertThat(error(tools.completeTodos(null, null))).isEqualTo("name between 1 and 100 task ids");
        assertThat(TaskTools.isError(tools.completeTodos(null, null))).isTrue();
    }

    @Test
    void deleteAnswersWithWhatWasDeleted() throws Exception {
        TaskView task = taskbot.seed(ALICE, "Old chore");

        JsonNode deleted = JSON.readTree(tools.deleteTodo(" " + task.id().value() + " "));

        assertThat(deleted.get("title").asText()).isEqualTo("Old chore");
        assertThat(taskbot.sent(DeleteTaskCommand.class)).containsExactly(new DeleteTaskCommand(task.id(), ALICE, NOW));
        assertThat(taskbot.tasksOf(ALICE)).isEmpty();
    }

    @Test
    void listingsAskForTheUsersTasksOldestFirstWithTheGivenFilter() throws Exception {
        taskbot.seed(ALICE, "one");
        taskbot.seed(ALICE, "two");

        JsonNode listed = JSON.readTree(tools.getTodos(false, "medium", "#home", "2026-03-31", "2026-03-01"));
        tools.searchTodos("  milk ");

        List<FindTasksQuery> finds = taskbot.sent(FindTasksQuery.class);
        assertThat(finds).hasSize(2).allSatisfy(find -> {
            assertThat(find.owner()).isEqualTo(ALICE);
            assertThat(find.sort()).isEqualTo(TaskSort.OLDEST_FIRST);
            assertThat(find.offset()).isZero();
            assertThat(find.limit()).isEqualTo(TaskTools.LIST_LIMIT);
        });
        assertThat(finds.get(0).filter().completed()).isFalse();
        assertThat(finds.get(0).filter().priority()).isEqualTo(Priority.MEDIUM);
        assertThat(finds.get(0).filter().tag()).isEqualTo("home");
        assertThat(finds.get(0).filter().dueFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(finds.get(0).filter().dueUntil()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(finds.get(1).filter().text()).isEqualTo("milk");
        assertThat(listed.isArray()).isTrue();

        assertThat(JSON.readTree(tools.getTodos(null, null, null, null, null)))
                .extracting(todo -> todo.get("title").asText()).containsExactly("one", "two");
    }

    @Test
    void aRefusedOrMalformedCallBecomesAnErrorTheModelCanRelay() {
        assertThat(error(tools.createTodo("  ", null, null, null, null, null))).isEqualTo("a task needs a title");
        assertThat(error(tools.createTodo("Buy milk", null, "whenever", null, null, null)))
                .isEqualTo("priority must be low, medium, high or urgent");
        assertThat(error(tools.createTodo("Buy milk", null, null, "next tuesday", null, null)))
                .startsWith("Due date must be YYYY-MM-DD");
        assertThat(error(tools.updateTodo("abc", "x", null, null, null, null, null, null, null))).isEqualTo("no task with this id");
        assertThat(error(tools.updateTodo("0", "x", null, null, null, null, null, null, null))).isEqualTo("no task with this id");
        assertThat(error(tools.updateTodo("999", "x", null, null, null, null, null, null, null))).isEqualTo("no task with this id");
        assertThat(error(tools.deleteTodo(null))).isEqualTo("no task with this id");
        assertThat(error(tools.getTodos(null, null, null, "end of march", null))).isEqualTo("dates are YYYY-MM-DD");

        // nothing was written for any of them
        assertThat(taskbot.tasksOf(ALICE)).isEmpty();
        assertThat(taskbot.sent(DeleteTaskCommand.class)).isEmpty();
    }

    @Test
    void aWriteTheReadModelDoesNotShowInTimeIsReportedAsSavedButNotYetVisible() {
        taskbot.holdTheReadModelBack();

        assertThat(error(tools.createTodo("Buy milk", null, null, null, null, null)))
                .isEqualTo("Task 1 was saved but the read model is behind; read it again shortly");
        assertThat(taskbot.tasksOf(ALICE)).extracting(TaskView::title).containsExactly("Buy milk");
    }

    private static String error(String toolResult) {
        try {
            Map<String, Object> answer = JSON.readValue(toolResult,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
            assertThat(answer).containsOnlyKeys("error");
            return (String) answer.get("error");
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + toolResult, e);
        }
    }
}
