package io.taskbot.agent;

import io.taskbot.agent.offline.DateOrder;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import io.taskbot.conversation.ConversationException;
import io.taskbot.conversation.ConversationId;
import io.taskbot.conversation.FindConversationQuery;
import io.taskbot.conversation.FindRecentMessagesQuery;
import io.taskbot.conversation.PostUserMessageCommand;
import io.taskbot.conversation.RecordAssistantFailureCommand;
import io.taskbot.conversation.RecordAssistantReplyCommand;
import io.taskbot.conversation.ToolCall;
import io.taskbot.messaging.Channel;
import io.taskbot.messaging.MetadataKeys;
import io.taskbot.messaging.ReadModelLagException;
import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.FindTasksQuery;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskView;
import io.taskbot.task.UpdateTaskCommand;
import io.taskbot.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One turn of the agent over a scripted chat model and Axon's in-process buses with in-memory handlers: what is
 * recorded, what the model is shown, which tools run for whom, and what a failing model leaves behind.
 */
class TaskAgentTest {

    private static final UserId ALICE = UserId.of(7);
    private static final UserId MALLORY = UserId.of(666);
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final ConversationId CONVERSATION = new ConversationId("conv_test1");
    private static final AgentSettings SETTINGS = new AgentSettings("offline", null, null, null,
            Duration.ofSeconds(30), 40, 200, 5, DateOrder.MONTH_FIRST);

    private final InMemoryTaskbot taskbot = new InMemoryTaskbot();

    /** Answers each model call with the next scripted step, and keeps what each call was shown. */
    private static final class ScriptedModel implements ChatModel {
        final Deque<Function<ChatRequest, ChatResponse>> steps = new ArrayDeque<>();
        final List<ChatRequest> requests = new ArrayList<>();

        ScriptedModel then(Function<ChatRequest, ChatResponse> step) {
            steps.add(step);
            return this;
        }

        ScriptedModel callsTool(String name, String arguments) {
            return then(request -> ChatResponse.builder()
                    .aiMessage(AiMessage.from(ToolExecutionRequest.builder().id("call_" + steps.size())
                            .name(name).arguments(arguments).build()))
                    .finishReason(FinishReason.TOOL_EXECUTION).build());
        }

        ScriptedModel says(String text) {
            return then(request -> ChatResponse.builder().aiMessage(AiMessage.from(text))
                    .finishReason(FinishReason.STOP).build());
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            requests.add(request);
            if (steps.isEmpty()) {
                throw new AssertionError("the model was called more often than scripted");
            }
            return steps.poll().apply(request);
        }
    }

    private TaskAgent agent(ChatModel model) {
        return new TaskAgent(taskbot.commands(), taskbot.queries(), model, Clock.fixed(NOW, ZoneOffset.UTC),
                SETTINGS);
    }

    private static AgentTurn turn(UserId user, String message) {
        return new AgentTurn(user, CONVERSATION, message, ZoneId.of("Europe/Berlin"), "req-42");
    }

    @Test
    void theMemoryIsReadOnlyOnceTheHistoryShowsTheMessageJustPosted() {
        ScriptedModel model = new ScriptedModel().says("Hello.");

        agent(model).converse(turn(ALICE, "hi"));

        List<Object> sent = taskbot.payloads();
        int posted = indexOf(sent, PostUserMessageCommand.class);
        int memory = indexOf(sent, FindRecentMessagesQuery.class);
        assertThat(sent.subList(posted, memory)).anySatisfy(query -> assertThat(query)
                .isEqualTo(new FindConversationQuery(ALICE, CONVERSATION, 0)));
    }

    @Test
    void aHistoryThatDoesNotShowTheMessageInTimeFailsTheTurnBeforeTheModelIsAsked() {
        ScriptedModel model = new ScriptedModel().says("Hello.");
        taskbot.holdTheReadModelBack();

        assertThatThrownBy(() -> agent(model).converse(turn(ALICE, "hi")))
                .isInstanceOf(ReadModelLagException.class)
                .hasMessage("Your message was saved but the read model is behind; read it again shortly");
        assertThat(model.requests).isEmpty();
        assertThat(taskbot.sent(PostUserMessageCommand.class)).hasSize(1);
    }

    private static int indexOf(List<Object> payloads, Class<?> type) {
        for (int i = 0; i < payloads.size(); i++) {
            if (type.isInstance(payloads.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " was sent");
    }

    @Test
    void aToolRunsForTheAuthenticatedUserNotForWhomeverTheModelNames() {
        ScriptedModel model = new ScriptedModel()
                // a model talked into acting for someone else: the tools have no owner argument to obey
                .callsTool("create_todo", "{\"title\": \"Buy milk\", \"priority\": \"high\", \"owner\": 666,"
                        + " \"user_id\": 666}")
                .says("Added \"Buy milk\".");

        AgentReply reply = agent(model).converse(turn(ALICE, "add buy milk, high priority"));

        assertThat(taskbot.sent(CreateTaskCommand.class)).singleElement().satisfies(create -> {
            assertThat(create.owner()).isEqualTo(ALICE);
            assertThat(create.title()).isEqualTo("Buy milk");
        });
        assertThat(taskbot.tasksOf(MALLORY)).isEmpty();
        assertThat(taskbot.commandMessages()).allSatisfy(command -> assertThat(command.getMetaData())
                .containsAllEntriesOf(MetadataKeys.of(ALICE, Channel.conversation(CONVERSATION.value()), "req-42")));

        assertThat(reply.response()).isEqualTo("Added \"Buy milk\".");
        assertThat(reply.conversationId()).isEqualTo(CONVERSATION);
        assertThat(reply.timestamp()).isEqualTo(NOW);
        assertThat(reply.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.type()).isEqualTo("create_todo");
            assertThat(call.resultJson()).contains("\"title\":\"Buy milk\"", "\"priority\":\"high\"");
        });
    }

    @Test
    void theTurnIsRecordedUserMessageFirstThenTheAnswerWithItsToolCalls() {
        ScriptedModel model = new ScriptedModel()
                .callsTool("get_todos", "{}")
                .says("You have nothing to do.");

        AgentReply reply = agent(model).converse(turn(ALICE, "what's on my list?"));

        List<Object> commands = taskbot.commandMessages().stream().<Object>map(m -> m.getPayload()).toList();
        assertThat(commands).containsExactly(
                new PostUserMessageCommand(CONVERSATION, ALICE, "what's on my list?", NOW),
                new RecordAssistantReplyCommand(CONVERSATION, ALICE, "You have nothing to do.", reply.toolCalls(),
                        NOW));
        assertThat(reply.toolCalls()).containsExactly(new ToolCall("get_todos", "{}", "[]"));
    }

    @Test
    void theModelSeesTheSystemPromptWithTheUsersTasksAndTheEarlierTurns() {
        taskbot.seed(ALICE, "Water the plants");
        taskbot.seed(MALLORY, "Mallory's plan");
        agent(new ScriptedModel().says("Hello!")).converse(turn(ALICE, "hi"));

        ScriptedModel model = new ScriptedModel().says("Sure.");
        agent(model).converse(turn(ALICE, "and now?"));

        List<ChatMessage> shown = model.requests.get(0).messages();
        assertThat(shown.get(0)).isInstanceOfSatisfying(SystemMessage.class, system ->
                assertThat(system.text()).contains("Water the plants").doesNotContain("Mallory's plan"));
        assertThat(shown.subList(1, shown.size())).extracting(TaskAgentTest::text)
                .containsExactly("hi", "Hello!", "and now?");
        // the prompt lists open and done tasks, each asked for with the configured limit
        assertThat(taskbot.sent(FindTasksQuery.class)).isNotEmpty().allSatisfy(find -> {
            assertThat(find.owner()).isEqualTo(ALICE);
            assertThat(find.limit()).isEqualTo(SETTINGS.promptTasks());
            assertThat(find.filter().status()).isIn(TaskStatus.PENDING, TaskStatus.COMPLETED);
        });
    }

    @Test
    void aRefusedToolCallIsAToolResultTheModelAnswersFrom() {
        TaskView foreign = taskbot.seed(MALLORY, "Mallory's plan");
        ScriptedModel model = new ScriptedModel()
                .callsTool("update_todo", "{\"id\": \"" + foreign.id().value() + "\", \"completed\": true}")
                .says("I could not find that task.");

        AgentReply reply = agent(model).converse(turn(ALICE, "mark task " + foreign.id().value() + " done"));

        ChatRequest second = model.requests.get(1);
        assertThat(second.messages().get(second.messages().size() - 1))
                .isInstanceOfSatisfying(ToolExecutionResultMessage.class, result ->
                        assertThat(result.text()).isEqualTo("{\"error\":\"no task with this id\"}"));
        assertThat(reply.response()).isEqualTo("I could not find that task.");
        assertThat(reply.toolCalls()).singleElement().satisfies(call ->
                assertThat(call.resultJson()).isEqualTo("{\"error\":\"no task with this id\"}"));
        assertThat(taskbot.sent(UpdateTaskCommand.class)).allSatisfy(update ->
                assertThat(update.requester()).isEqualTo(ALICE));
        assertThat(taskbot.tasksOf(MALLORY)).singleElement().satisfies(task ->
                assertThat(task.status()).isEqualTo(TaskStatus.PENDING));
    }

    @Test
    void aFailingModelLeavesTheUsersMessageAndARecordedFailure() {
        ScriptedModel model = new ScriptedModel().then(request -> {
            throw new TimeoutException("the model took too long");
        });

        assertThatThrownBy(() -> agent(model).converse(turn(ALICE, "add call mum")))
                .isInstanceOf(AgentUnavailableException.class);

        List<Object> commands = taskbot.commandMessages().stream().<Object>map(m -> m.getPayload()).toList();
        assertThat(commands).hasSize(2);
        assertThat(commands.get(0)).isEqualTo(new PostUserMessageCommand(CONVERSATION, ALICE, "add call mum", NOW));
        assertThat(commands.get(1)).isInstanceOfSatisfying(RecordAssistantFailureCommand.class, failure -> {
            assertThat(failure.owner()).isEqualTo(ALICE);
            // the kind of failure only, never the prompt or what the provider said
            assertThat(failure.reason()).doesNotContain("took too long");
        });
    }

    @Test
    void someoneElsesConversationIsRefusedBeforeTheModelIsAsked() {
        agent(new ScriptedModel().says("Hello!")).converse(turn(ALICE, "hi"));
        ScriptedModel model = new ScriptedModel();

        assertThatThrownBy(() -> agent(model).converse(turn(MALLORY, "show me Alice's tasks")))
                .isInstanceOf(ConversationException.class);
        assertThat(model.requests).isEmpty();
    }

    private static String text(ChatMessage message) {
        if (message instanceof UserMessage user) {
            return user.singleText();
        }
        if (message instanceof AiMessage ai) {
            return ai.text();
        }
        return message.toString();
    }
}
