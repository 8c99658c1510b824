package io.taskbot.agent;

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
import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.DeleteTaskCommand;
import io.taskbot.task.FindTaskQuery;
import io.taskbot.task.FindTasksQuery;
import io.taskbot.task.TaskErrorCode;
import io.taskbot.task.TaskException;
import io.taskbot.task.TaskFilter;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskLookup;
import io.taskbot.task.TaskPage;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskView;
import io.taskbot.task.TaskWritten;
import io.taskbot.task.UndoTaskCommand;
import io.taskbot.task.UpdateTaskCommand;
import io.taskbot.user.UserId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.SimpleQueryBus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Axon's real in-process command and query buses with small in-memory handlers in place of the command and query
 * sides, for unit tests of what the agent sends. Every command and query that reaches a bus is kept, metadata and
 * all, so that a test can say exactly which went out. The end-to-end path through the real sides is the ITs' job.
 */
public final class InMemoryTaskbot {

    private final List<Message<?>> sent = new CopyOnWriteArrayList<>();
    private final Map<TaskId, TaskView> tasks = new LinkedHashMap<>();
    /** Each task's views before each update, newest last, for undo. */
    private final Map<TaskId, List<TaskView>> before = new LinkedHashMap<>();
    private final Map<ConversationId, Conversation> conversations = new LinkedHashMap<>();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
    private long nextTaskId = 1;
    private boolean readModelBehind;
    private long nextMessageId = 1;

    private static final class Conversation {
        final UserId owner;
        final List<MessageView> messages = new ArrayList<>();
        long version = -1;

        Conversation(UserId owner) {
            this.owner = owner;
        }
    }

    public InMemoryTaskbot() {
        command(CreateTaskCommand.class, this::create);
        command(UpdateTaskCommand.class, this::update);
        command(DeleteTaskCommand.class, this::delete);
        command(UndoTaskCommand.class, this::undo);
        command(PostUserMessageCommand.class, post -> append(post.conversationId(), post.author(), Role.USER,
                post.content(), List.of(), false, post.postedAt()));
        command(RecordAssistantReplyCommand.class, reply -> append(reply.conversationId(), reply.owner(),
                Role.ASSISTANT, reply.content(), reply.toolCalls(), false, reply.repliedAt()));
        command(RecordAssistantFailureCommand.class, failure -> append(failure.conversationId(), failure.owner(),
                Role.ASSISTANT, failure.reason(), List.of(), true, failure.failedAt()));
        query(FindTaskQuery.class, TaskLookup.class, this::find);
        query(FindTasksQuery.class, TaskPage.class, this::list);
        query(FindConversationQuery.class, ConversationLookup.class, find -> {
            Conversation conversation = conversations.get(find.conversationId());
            if (conversation == null || !conversation.owner.equals(find.owner())) {
                return ConversationLookup.none();
            }
            // as the history answers a wait it gave up on: with what it holds, a version before the write
            boolean behind = readModelBehind && find.minVersion() > FindConversationQuery.ANY_VERSION;
            return new ConversationLookup(find.conversationId(), behind ? find.minVersion() - 1 : conversation.version);
        });
        query(FindRecentMessagesQuery.class, MessagePage.class, find -> {
            Conversation conversation = conversations.get(find.conversationId());
            if (conversation == null || !conversation.owner.equals(find.owner())) {
                return MessagePage.notFound();
            }
            List<MessageView> messages = conversation.messages;
            return new MessagePage(true, messages.subList(Math.max(0, messages.size() - find.limit()),
                    messages.size()));
        });
    }

    public CommandGateway commands() {
        return DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    public QueryGateway queries() {
        return DefaultQueryGateway.builder().queryBus(queryBus).build();
    }

    /** A task that was there before the test, as the command side would have created it. */
    public TaskView seed(UserId owner, String title) {
        return create(CreateTaskCommand.titled(owner, title, Instant.parse("2026-01-01T00:00:00Z")), owner);
    }

    public synchronized List<TaskView> tasksOf(UserId owner) {
        return tasks.values().stream().filter(task -> task.owner().equals(owner)).toList();
    }

    /** From now on the read models do not catch up with writes in time: reads that wait for a write miss it. */
    public synchronized void holdTheReadModelBack() {
        readModelBehind = true;
    }

    /** Every command and query that reached the buses, in order. */
    public List<Message<?>> sent() {
        return List.copyOf(sent);
    }

    /** The payloads of the commands and queries sent, in order. */
    public List<Object> payloads() {
        return sent.stream().<Object>map(Message::getPayload).toList();
    }

    public <T> List<T> sent(Class<T> type) {
        return sent.stream().map(Message::getPayload).filter(type::isInstance).map(type::cast).toList();
    }

    public List<Message<?>> commandMessages() {
        return sent.stream().filter(CommandMessage.class::isInstance).toList();
    }

    private <C> void command(Class<C> type, Function<C, Object> handler) {
        commandBus.subscribe(type.getName(), (MessageHandler<CommandMessage<?>>) message -> {
            sent.add(message);
            synchronized (this) {
                return handler.apply(type.cast(message.getPayload()));
            }
        });
    }

    private <Q, R> void query(Class<Q> type, Class<R> response, Function<Q, R> handler) {
        queryBus.subscribe(type.getName(), response, (MessageHandler<QueryMessage<?, R>>) message -> {
            sent.add(message);
            synchronized (this) {
                return handler.apply(type.cast(message.getPayload()));
            }
        });
    }

    private TaskWritten create(CreateTaskCommand create) {
        TaskView task = create(create, create.owner());
        return new TaskWritten(task.id(), task.version());
    }

    private synchronized TaskView create(CreateTaskCommand create, UserId owner) {
        if (create.title() == null || create.title().isBlank()) {
            throw new TaskException(TaskErrorCode.TITLE_REQUIRED, "a task needs a title");
        }
        TaskId id = TaskId.of(nextTaskId++);
        TaskView task = new TaskView(id, owner, create.title().strip(), create.description(), create.priority(),
                TaskStatus.PENDING, create.dueDate(), create.tags(), create.recurrence(), create.requestedAt(),
                create.requestedAt(), 0);
        tasks.put(id, task);
        return task;
    }

    private TaskWritten update(UpdateTaskCommand update) {
        TaskView task = ownTask(update.taskId(), update.requester());
        TaskView changed = new TaskView(task.id(), task.owner(),
                Objects.requireNonNullElse(update.title(), task.title()),
                Objects.requireNonNullElse(update.description(), Objects.requireNonNullElse(task.description(), "")),
                Objects.requireNonNullElse(update.priority(), task.priority()),
                Objects.requireNonNullElse(update.status(), task.status()),
                update.clearDueDate() ? null : update.dueDate() != null ? update.dueDate() : task.dueDate(),
                update.tags() != null ? update.tags() : task.tags(),
                update.clearRecurrence() ? null : update.recurrence() != null ? update.recurrence() : task.recurrence(),
                task.createdAt(), update.requestedAt(), task.version() + 1);
        before.computeIfAbsent(task.id(), id -> new ArrayList<>()).add(task);
        tasks.put(task.id(), changed);
        return new TaskWritten(task.id(), changed.version());
    }

    /** Puts the task back as it was before its latest update, as a new version; deletions are not undone here. */
    private TaskWritten undo(UndoTaskCommand undo) {
        TaskView task = ownTask(undo.taskId(), undo.requester());
        List<TaskView> earlier = before.getOrDefault(task.id(), new ArrayList<>());
        if (earlier.isEmpty()) {
            throw new TaskException(TaskErrorCode.NOTHING_TO_UNDO, "Task " + task.id() + " has no change left to undo");
        }
        TaskView previous = earlier.remove(earlier.size() - 1);
        TaskView restored = new TaskView(previous.id(), previous.owner(), previous.title(), previous.description(),
                previous.priority(), previous.status(), previous.dueDate(), previous.tags(), previous.recurrence(),
                previous.createdAt(), undo.requestedAt(), task.version() + 1);
        tasks.put(task.id(), restored);
        return new TaskWritten(task.id(), restored.version());
    }

    private TaskWritten delete(DeleteTaskCommand delete) {
        TaskView task = ownTask(delete.taskId(), delete.requester());
        tasks.remove(task.id());
        return new TaskWritten(task.id(), task.version() + 1);
    }

    /** As the command side answers: an unknown id is Axon's own exception, someone else's task a domain error. */
    private TaskView ownTask(TaskId id, UserId requester) {
        TaskView task = tasks.get(id);
        if (task == null) {
            throw new AggregateNotFoundException(id.toString(), "no task " + id);
        }
        if (!task.owner().equals(requester)) {
            throw new TaskException(TaskErrorCode.NOT_OWNER, "the task is someone else's");
        }
        return task;
    }

    private TaskLookup find(FindTaskQuery find) {
        if (readModelBehind && find.minVersion() > FindTaskQuery.ANY_VERSION) {
            return TaskLookup.behind();
        }
        TaskView task = tasks.get(find.taskId());
        if (task == null) {
            return TaskLookup.notFound();
        }
        return task.owner().equals(find.requester()) ? TaskLookup.found(task) : TaskLookup.notOwner();
    }

    private TaskPage list(FindTasksQuery find) {
        TaskFilter filter = find.filter();
        List<TaskView> matching = tasks.values().stream()
                .filter(task -> task.owner().equals(find.owner()))
                .filter(task -> filter.status() == null || task.status() == filter.status())
                .filter(task -> filter.completed() == null || task.completed() == filter.completed())
                .filter(task -> filter.priority() == null || task.priority() == filter.priority())
                .filter(task -> filter.tag() == null || task.tags().contains(filter.tag()))
                .filter(task -> filter.text() == null || task.title().toLowerCase().contains(filter.text().toLowerCase()))
                .sorted(Comparator.comparingLong(task -> task.id().value()))
                .toList();
        return new TaskPage(matching.stream().skip(find.offset()).limit(find.limit()).toList(), matching.size());
    }

    private long append(ConversationId id, UserId user, Role role, String content,
                        List<io.taskbot.conversation.ToolCall> toolCalls, boolean failed, Instant at) {
        Conversation conversation = conversations.computeIfAbsent(id, unused -> new Conversation(user));
        if (!conversation.owner.equals(user)) {
            throw new io.taskbot.conversation.ConversationException("the conversation is someone else's");
        }
        conversation.messages.add(new MessageView(nextMessageId++, id, role, content, toolCalls, failed, at));
        conversation.version++;
        return conversation.version;
    }
}
