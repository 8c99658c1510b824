package io.taskbot.task;

import io.taskbot.messaging.Caller;
import io.taskbot.messaging.Channel;
import io.taskbot.messaging.ReadModelLagException;
import io.taskbot.user.UserId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one read-your-writes path over Axon's real in-process buses, with one-line handlers in place of the sides:
 * what goes out with a command, which read follows it, and how each way of not getting the task back is told.
 */
class TaskWritesTest {

    private static final UserId ALICE = UserId.of(7);
    private static final Caller CALLER = new Caller(ALICE, Channel.MCP, "req-9");
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final TaskId TASK = TaskId.of(12);
    private static final TaskView WRITTEN = new TaskView(TASK, ALICE, "Buy milk", "", Priority.MEDIUM,
            TaskStatus.PENDING, null, List.of(), NOW, NOW, 0);

    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
    private final List<CommandMessage<?>> commands = new ArrayList<>();
    private final List<FindTaskQuery> reads = new ArrayList<>();
    private final TaskWrites writes = new TaskWrites(DefaultCommandGateway.builder().commandBus(commandBus).build(),
            DefaultQueryGateway.builder().queryBus(queryBus).build());

    private void commandsAnswer(Function<Object, Object> handler) {
        commandBus.subscribe(CreateTaskCommand.class.getName(), (MessageHandler<CommandMessage<?>>) message -> {
            commands.add(message);
            return handler.apply(message.getPayload());
        });
    }

    private void readsAnswer(TaskLookup lookup) {
        queryBus.subscribe(FindTaskQuery.class.getName(), TaskLookup.class,
                (MessageHandler<QueryMessage<?, TaskLookup>>) message -> {
                    reads.add((FindTaskQuery) message.getPayload());
                    return lookup;
                });
    }

    @Test
    void aWriteGoesOutWithTheCallersMetadataAndAnswersWithTheTaskAtTheWrittenVersion() {
        commandsAnswer(command -> new TaskWritten(TASK, 3));
        readsAnswer(TaskLookup.found(WRITTEN));

        TaskView task = writes.write(CreateTaskCommand.titled(ALICE, "Buy milk", NOW), CALLER);

        assertThat(task).isEqualTo(WRITTEN);
        assertThat(commands).singleElement().satisfies(command -> assertThat(command.getMetaData())
                .containsAllEntriesOf(Map.of("userId", "7", "channel", "mcp", "correlationId", "req-9")));
        assertThat(reads).containsExactly(new FindTaskQuery(ALICE, TASK, 3));
    }

    @Test
    void aReadModelThatIsBehindIsOneExceptionThatSaysTheWriteIsStored() {
        commandsAnswer(command -> new TaskWritten(TASK, 3));
        readsAnswer(TaskLookup.behind());

        assertThatThrownBy(() -> writes.write(CreateTaskCommand.titled(ALICE, "Buy milk", NOW), CALLER))
                .isInstanceOf(ReadModelLagException.class)
                .hasMessage("Task 12 was saved but the read model is behind; read it again shortly");
        assertThatThrownBy(() -> writes.awaitDeletion(ALICE, new TaskWritten(TASK, 4)))
                .isInstanceOf(ReadModelLagException.class);
    }

    @Test
    void aDeletionIsSeenOnceTheReadModelNoLongerShowsTheTask() {
        readsAnswer(TaskLookup.notFound());

        writes.awaitDeletion(ALICE, new TaskWritten(TASK, 4));

        assertThat(reads).containsExactly(new FindTaskQuery(ALICE, TASK, 4));
    }

    @Test
    void anUnknownTaskIsTheTaskModelsNotFound() {
        commandsAnswer(command -> {
            throw new AggregateNotFoundException("12", "no task 12");
        });

        assertThatThrownBy(() -> writes.send(CreateTaskCommand.titled(ALICE, "Buy milk", NOW), CALLER))
                .isInstanceOfSatisfying(TaskException.class, refused ->
                        assertThat(refused.code()).isEqualTo(TaskErrorCode.NOT_FOUND));
        assertThat(reads).isEmpty();
    }
}
