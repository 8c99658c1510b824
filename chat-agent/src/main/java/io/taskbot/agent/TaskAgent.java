package io.taskbot.agent;

import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.tool.ToolExecution;
import io.taskbot.agent.prompt.AgentPrompt;
import io.taskbot.agent.prompt.TaskSnapshot;
import io.taskbot.agent.tools.TaskTools;
import io.taskbot.conversation.ConversationId;
import io.taskbot.conversation.ConversationLookup;
import io.taskbot.conversation.FindConversationQuery;
import io.taskbot.conversation.FindRecentMessagesQuery;
import io.taskbot.conversation.MessagePage;
import io.taskbot.conversation.MessageView;
import io.taskbot.conversation.PostUserMessageCommand;
import io.taskbot.conversation.RecordAssistantFailureCommand;
import io.taskbot.conversation.RecordAssistantReplyCommand;
import io.taskbot.conversation.Role;
import io.taskbot.conversation.ToolCall;
import io.taskbot.messaging.Caller;
import io.taskbot.messaging.Channel;
import io.taskbot.messaging.ReadModelLagException;
import io.taskbot.messaging.ReadYourWrites;
import io.taskbot.task.FindTasksQuery;
import io.taskbot.task.TaskFilter;
import io.taskbot.task.TaskPage;
import io.taskbot.task.TaskSort;
import io.taskbot.task.TaskStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One conversation turn. The user's message is recorded first (so it stays even when the model fails), the agent
 * gets the conversation so far from the history read model and the user's tasks in its system prompt, LangChain4j
 * runs the tool loop with tools bound to this user, and the answer with its tool calls is recorded and visible in
 * the history before the turn returns.
 */
public class TaskAgent {

    private static final Logger log = LoggerFactory.getLogger(TaskAgent.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites writes;
    private final ChatModel chatModel;
    private final Clock clock;
    private final AgentSettings settings;

    public TaskAgent(CommandGateway commands, QueryGateway queries, ChatModel chatModel, Clock clock,
                     AgentSettings settings) {
        this.commands = commands;
        this.queries = queries;
        this.writes = new ReadYourWrites(commands, queries);
        this.chatModel = chatModel;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * @throws io.taskbot.conversation.ConversationException when the conversation is someone else's
     * @throws AgentUnavailableException                    when the chat model's provider fails
     * @throws ReadModelLagException                        when the history did not show the turn's messages in
     *                                                      time (they are stored); anything else thrown here is a
     *                                                      bug
     */
    public AgentReply converse(AgentTurn turn) {
        Channel channel = Channel.conversation(turn.conversationId().value());
        Caller caller = new Caller(turn.user(), channel, turn.correlationId());
        Instant postedAt = clock.instant();
        long posted = send(new PostUserMessageCommand(turn.conversationId(), turn.user(), turn.message(), postedAt),
                caller);

        List<MessageView> history = historyBefore(turn, postedAt, posted);
        TaskTools tools = new TaskTools(commands, queries, clock, turn.user(), turn.zone(), channel,
                turn.correlationId());
        ZonedDateTime userNow = ZonedDateTime.now(clock.withZone(turn.zone()));
        List<TaskSnapshot> tasks = tasksOf(turn);
        String systemPrompt = AgentPrompt.render(userNow, tasks);
        // a model that takes the facts typed gets them so, and need not parse the prompt back
        ChatModel model = chatModel instanceof TurnAwareChatModel turnAware
                ? turnAware.forTurn(userNow, tasks, turn.acceptLanguage()) : chatModel;
        TaskAssistant assistant = AiServices.builder(TaskAssistant.class)
                .chatModel(model)
                .chatMemory(ConversationMemory.of(history))
                .systemMessageProvider(memoryId -> systemPrompt)
                .tools(tools)
                .maxSequentialToolsInvocations(settings.maxToolRounds())
                // the tools turn domain errors into results themselves; what escapes them is a bug, not a message
                // for the model
                .toolExecutionErrorHandler((error, context) -> {
                    throw new ToolFailedException(context.toolExecutionRequest().name(), error);
                })
                .build();

        Result<String> result;
        try {
            result = assistant.chat(turn.message());
        } catch (RuntimeException failure) {
            send(new RecordAssistantFailureCommand(turn.conversationId(), turn.user(), describe(failure),
                    clock.instant()), caller);
            if (!isModelProviderFailure(failure)) {
                throw failure;
            }
            // the provider is down or refused: expected in operation, one line is enough
            log.warn("Chat model failed in conversation {}: {}", turn.conversationId(), failure.toString());
            throw new AgentUnavailableException("The assistant is unavailable right now", failure);
        }

        List<ToolCall> toolCalls = new ArrayList<>();
        for (ToolExecution execution : result.toolExecutions()) {
            toolCalls.add(new ToolCall(execution.request().name(), execution.request().arguments(),
                    execution.result()));
        }
        String answer = Objects.requireNonNullElse(result.content(), "");
        Instant answeredAt = clock.instant();
        long replied = send(new RecordAssistantReplyCommand(turn.conversationId(), turn.user(), answer, toolCalls,
                answeredAt), caller);
        // a history request right after this one must see this answer
        awaitHistory(turn, replied, "The answer");
        return new AgentReply(turn.conversationId(), answer, toolCalls, answeredAt);
    }

    /**
     * The conversation before the message just posted, read once the history holds that message, so that the memory
     * has every earlier message whether or not an earlier turn saw its own answer in the history (one that did not
     * was answered with a {@link ReadModelLagException}). The posted message is then the newest one, told by its
     * content and its time (unless a turn in the same conversation ran alongside), and the AI service adds it
     * itself.
     */
    private List<MessageView> historyBefore(AgentTurn turn, Instant postedAt, long posted) {
        awaitHistory(turn, posted, "Your message");
        int memory = settings.memoryMessages();
        MessagePage page = query(new FindRecentMessagesQuery(turn.user(), turn.conversationId(), memory + 1),
                MessagePage.class);
        List<MessageView> messages = new ArrayList<>(page.messages());
        if (!messages.isEmpty() && isThePostedMessage(messages.get(messages.size() - 1), turn, postedAt)) {
            messages.remove(messages.size() - 1);
        } else if (messages.size() > memory) {
            messages.remove(0);
        }
        return messages;
    }

    private static boolean isThePostedMessage(MessageView message, AgentTurn turn, Instant postedAt) {
        return message.role() == Role.USER && message.content().equals(turn.message())
                && message.timestamp().equals(postedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The user's open and done tasks (not archived ones) for the system prompt, oldest first. */
    private List<TaskSnapshot> tasksOf(AgentTurn turn) {
        List<TaskSnapshot> tasks = new ArrayList<>();
        for (TaskStatus status : List.of(TaskStatus.PENDING, TaskStatus.COMPLETED)) {
            TaskPage page = query(new FindTasksQuery(turn.user(), TaskFilter.withStatus(status), TaskSort.OLDEST_FIRST,
                    0, settings.promptTasks()), TaskPage.class);
            page.tasks().forEach(task -> tasks.add(new TaskSnapshot(Long.toString(task.id().value()), task.title(),
                    task.completed(), task.priority().wireName(), task.dueDate() == null ? null
                    : task.dueDate().value(), task.tags())));
        }
        tasks.sort(java.util.Comparator.comparingLong(task -> Long.parseLong(task.id())));
        return tasks;
    }

    /** Sends a conversation command; the conversation's version after it. */
    private long send(Object command, Caller caller) {
        Number version = writes.send(command, caller);
        return version.longValue();
    }

    /** @throws ReadModelLagException when the history does not show {@code version} in time */
    private void awaitHistory(AgentTurn turn, long version, String whatWasWritten) {
        writes.readAfterWrite(new FindConversationQuery(turn.user(), turn.conversationId(), version),
                ConversationLookup.class, lookup -> lookup.holds(version), whatWasWritten);
    }

    /** Local query handlers answer synchronously and refuse nothing; their failures are bugs. */
    private <R> R query(Object query, Class<R> type) {
        return writes.read(query, type);
    }

    /**
     * Whether the chat model's provider failed (unreachable, timed out, refused, an error answer), as LangChain4j
     * reports it, rather than this application: a tool's bug is no reason to call the assistant unavailable.
     */
    static boolean isModelProviderFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ToolFailedException || cause instanceof ToolExecutionException) {
                return false;
            }
            if (cause instanceof LangChain4jException || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** A tool threw something other than a domain error: a bug of this application. */
    static final class ToolFailedException extends RuntimeException {

        ToolFailedException(String tool, Throwable cause) {
            super("tool " + tool + " failed", cause);
        }
    }

    /** What operators see in the failure event: the kind of failure, never a prompt or a key. */
    private static String describe(RuntimeException failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
