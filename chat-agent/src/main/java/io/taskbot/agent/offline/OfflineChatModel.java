package io.taskbot.agent.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import io.taskbot.agent.TurnAwareChatModel;
import io.taskbot.agent.prompt.AgentPrompt;
import io.taskbot.agent.prompt.TaskSnapshot;
import io.taskbot.task.Priority;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default chat model: deterministic and in process. It plays the part a hosted model plays in LangChain4j's tool
 * loop. The agent hands it each turn's facts typed ({@link #forTurn}: the user's clock and tasks); the conversation
 * adds the earlier listings, tool results and the last confirmation question. The {@link TaskTalkInterpreter} then
 * decides once per turn: the model answers with tool execution requests, and once it sees their results, in words.
 * Talk that needs no tool gets words at once. Called without {@code forTurn}, it reads the facts from the system
 * prompt instead.
 */
public final class OfflineChatModel implements TurnAwareChatModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How a confirmation question lists the tasks it is about, so that the next "yes" means exactly those. */
    private static final Pattern CONFIRMED_TASK = Pattern.compile("(?m)^- #(\\d+) ");
    private static final int MAX_CONFIRMED = 100;
    /** The tools whose results say which tasks a turn changed. */
    private static final java.util.Set<String> CHANGING_TOOLS = java.util.Set.of("create_todo", "update_todo",
            "delete_todo", "undo_todo", "complete_todos");

    private final TaskTalkInterpreter interpreter = new TaskTalkInterpreter();
    /** The configured order, or {@code null}: then each request's Accept-Language decides, month first without. */
    private final DateOrder forcedDateOrder;
    private final DateOrder dateOrder;

    public OfflineChatModel() {
        this(null);
    }

    /** @param forcedDateOrder how every user writes numeric dates, or {@code null} to go by each request */
    public OfflineChatModel(DateOrder forcedDateOrder) {
        this.forcedDateOrder = forcedDateOrder;
        this.dateOrder = forcedDateOrder == null ? DateOrder.MONTH_FIRST : forcedDateOrder;
    }

    /** Reads the turn's facts (clock, tasks) back from the system prompt: for callers that give only messages. */
    @Override
    public ChatResponse doChat(ChatRequest request) {
        return respond(request.messages(), factsFromPrompt(request.messages()), new Interpretation());
    }

    /** A model for one turn: the facts come typed, and the interpreter runs once however often the loop asks. */
    @Override
    public ChatModel forTurn(ZonedDateTime userNow, List<TaskSnapshot> tasks) {
        return forTurn(userNow, tasks, null);
    }

    @Override
    public ChatModel forTurn(ZonedDateTime userNow, List<TaskSnapshot> tasks, String acceptLanguage) {
        DateOrder order = forcedDateOrder != null ? forcedDateOrder
                : DateOrder.fromAcceptLanguage(acceptLanguage).orElse(DateOrder.MONTH_FIRST);
        ConversationContext facts = ConversationContext.startingAt(userNow,
                tasks.stream().map(OfflineChatModel::toRef).toList()).withDateOrder(order);
        Interpretation interpretation = new Interpretation();
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return respond(request.messages(), facts, interpretation);
            }

            @Override
            public ModelProvider provider() {
                return ModelProvider.OTHER;
            }
        };
    }

    /**
     * What the interpreter made of one user message. LangChain4j's tool loop asks the model again after the tools
     * ran, with the same message; then the actions are reused rather than worked out again.
     */
    private static final class Interpretation {
        private UserMessage message;
        private ConversationContext context;
        private List<Action> actions;
    }

    private ChatResponse respond(List<ChatMessage> messages, ConversationContext facts,
                                 Interpretation interpretation) {
        int current = lastIndexOf(messages, UserMessage.class);
        if (current < 0) {
            return answer(AiMessage.from("How can I help with your tasks?"));
        }
        UserMessage said = (UserMessage) messages.get(current);
        if (interpretation.message != said) {
            interpretation.context = contextBefore(messages, current, facts);
            interpretation.actions = interpreter.interpret(said.singleText(), interpretation.context);
            interpretation.message = said;
        }
        ConversationContext context = interpretation.context;
        List<Action> actions = interpretation.actions;
        List<ToolExecutionResultMessage> results = messages.subList(current + 1, messages.size()).stream()
                .filter(ToolExecutionResultMessage.class::isInstance)
                .map(ToolExecutionResultMessage.class::cast)
                .toList();
        List<ToolExecutionRequest> requests = toolRequests(actions);
        if (!requests.isEmpty() && results.isEmpty()) {
            return ChatResponse.builder().aiMessage(AiMessage.from(requests))
                    .finishReason(FinishReason.TOOL_EXECUTION).build();
        }
        return answer(AiMessage.from(Replies.compose(actions, results, context)
                + DateGrammar.readingNote(said.singleText(), context.dateOrder(), actions)));
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    private static ChatResponse answer(AiMessage message) {
        return ChatResponse.builder().aiMessage(message).finishReason(FinishReason.STOP).build();
    }

    private static List<ToolExecutionRequest> toolRequests(List<Action> actions) {
        List<ToolExecutionRequest> requests = new ArrayList<>();
        for (Action action : actions) {
            Optional<String> tool = action.toolName();
            if (tool.isPresent()) {
                requests.add(ToolExecutionRequest.builder()
                        .id("call_" + (requests.size() + 1))
                        .name(tool.get())
                        .arguments(json(action.toolArguments()))
                        .build());
            }
        }
        return requests;
    }

    private ConversationContext factsFromPrompt(List<ChatMessage> messages) {
        AgentPrompt.Parsed prompt = messages.stream()
                .filter(SystemMessage.class::isInstance)
                .map(message -> AgentPrompt.parse(((SystemMessage) message).text()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(new AgentPrompt.Parsed(ZonedDateTime.now(ZoneOffset.UTC), List.of()));
        return ConversationContext.startingAt(prompt.now(), prompt.tasks().stream()
                .map(OfflineChatModel::toRef).toList()).withDateOrder(dateOrder);
    }

    /** Everything the interpreter needs to know that came before the current user message. */
    private ConversationContext contextBefore(List<ChatMessage> messages, int current, ConversationContext facts) {
        ConversationContext context = facts;

        Map<String, String> toolNamesById = new LinkedHashMap<>();
        for (ChatMessage message : messages.subList(0, current)) {
            if (message instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
                ai.toolExecutionRequests().forEach(request -> toolNamesById.put(request.id(), request.name()));
            } else if (message instanceof ToolExecutionResultMessage result) {
                context = remember(context, toolName(result, toolNamesById), result.text());
            }
        }
        return context.withPending(pendingConfirmation(messages, current).orElse(null))
                .withLastTurnChanges(changedInPreviousTurn(messages, current, toolNamesById));
    }

    /**
     * The tasks the previous turn created, changed, deleted or restored, from its tool results (what actually
     * happened, not what its reply said): what "undo" takes back.
     */
    private static List<String> changedInPreviousTurn(List<ChatMessage> messages, int current,
                                                      Map<String, String> toolNamesById) {
        int previousUser = lastIndexOf(messages.subList(0, current), UserMessage.class);
        if (previousUser < 0) {
            return List.of();
        }
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (ChatMessage message : messages.subList(previousUser + 1, current)) {
            if (message instanceof ToolExecutionResultMessage result
                    && CHANGING_TOOLS.contains(toolName(result, toolNamesById))) {
                JsonNode node = parse(result.text());
                if (node == null || node.has("error")) {
                    continue;
                }
                if (node.isArray()) {
                    node.forEach(todo -> ids.add(todo.path("id").asText()));
                } else if (node.hasNonNull("id")) {
                    ids.add(node.path("id").asText());
                }
            }
        }
        ids.remove("");
        return List.copyOf(ids);
    }

    private static String toolName(ToolExecutionResultMessage result, Map<String, String> toolNamesById) {
        return result.toolName() != null ? result.toolName() : toolNamesById.getOrDefault(result.id(), "");
    }

    /** Listings feed "the second one"; a created or changed task is what "it" means next. */
    private static ConversationContext remember(ConversationContext context, String tool, String result) {
        JsonNode node = parse(result);
        if (node == null || node.has("error")) {
            return context;
        }
        return switch (tool) {
            case "get_todos", "search_todos" -> {
                List<String> ids = new ArrayList<>();
                node.forEach(todo -> ids.add(todo.path("id").asText()));
                yield context.withLastListedIds(ids);
            }
            case "create_todo", "update_todo", "undo_todo" -> context.withLastTouchedId(node.path("id").asText());
            default -> context;
        };
    }

    /**
     * A "yes" confirms the change the previous answer asked about: its kind from how the question starts, its tasks
     * from the list the question showed, so that nothing else is touched.
     */
    private static Optional<PendingConfirmation> pendingConfirmation(List<ChatMessage> messages, int current) {
        int previousUser = lastIndexOf(messages.subList(0, current), UserMessage.class);
        int previousAnswer = lastIndexOf(messages.subList(0, current), AiMessage.class);
        if (previousUser < 0 || previousAnswer < previousUser
                || !(messages.get(previousAnswer) instanceof AiMessage question) || question.text() == null) {
            return Optional.empty();
        }
        Optional<PendingConfirmation.Kind> kind = Guard.kindAsked(question.text());
        Matcher listed = CONFIRMED_TASK.matcher(question.text());
        List<String> ids = new ArrayList<>();
        while (listed.find()) {
            ids.add(listed.group(1));
        }
        if (ids.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PendingConfirmation(kind.get(), ids));
    }

    static String listedForConfirmation(List<String> ids, ConversationContext context) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (String id : ids) {
            String title = context.tasks().stream().filter(task -> task.id().equals(id)).map(TaskRef::title)
                    .findFirst().orElse("");
            text.append("\n- #").append(id).append(' ').append(title);
            if (++shown == MAX_CONFIRMED) {
                break;
            }
        }
        return text.toString();
    }

    private static TaskRef toRef(TaskSnapshot task) {
        return new TaskRef(task.id(), task.title(), task.completed(),
                Priority.fromWireName(task.priority()).orElse(Priority.DEFAULT), task.dueDate(), task.tags());
    }

    private static int lastIndexOf(List<ChatMessage> messages, Class<? extends ChatMessage> type) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (type.isInstance(messages.get(i))) {
                return i;
            }
        }
        return -1;
    }

    static JsonNode parse(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String json(Map<String, Object> arguments) {
        try {
            return JSON.writeValueAsString(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("arguments are plain values", e);
        }
    }
}
