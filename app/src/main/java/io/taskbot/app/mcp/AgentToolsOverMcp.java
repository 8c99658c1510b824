package io.taskbot.app.mcp;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.exception.ToolArgumentsException;
import dev.langchain4j.internal.JsonSchemaElementJsonUtils;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.taskbot.agent.tools.TaskTools;
import io.taskbot.app.storage.StorageFailures;
import io.taskbot.messaging.Channel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The chat agent's tools as MCP tools, defined once: name, description and input schema come from the LangChain4j
 * {@link Tool} methods of {@link TaskTools}, and a call runs that method through LangChain4j's own tool executor on a
 * {@code TaskTools} made for the request's user and the {@link Channel#MCP} channel. A tool added to {@code TaskTools}
 * is offered here with nothing else to change, and answers with the same JSON text it gives the agent; a refused call
 * ({@code {"error": ...}}) is a tool result with {@code isError}, which the assistant can read and relay.
 */
@Component
class AgentToolsOverMcp {

    private static final Logger log = LoggerFactory.getLogger(AgentToolsOverMcp.class);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final JsonMapper json;

    AgentToolsOverMcp(CommandGateway commands, QueryGateway queries, Clock clock, JsonMapper json) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.json = json;
    }

    /** One MCP tool per {@code @Tool} method, ordered by name so that listings are stable. */
    List<SyncToolSpecification> specifications() {
        return Arrays.stream(TaskTools.class.getMethods())
                .filter(method -> method.isAnnotationPresent(Tool.class))
                .map(this::specification)
                .sorted(Comparator.comparing(specification -> specification.tool().name()))
                .toList();
    }

    private SyncToolSpecification specification(Method method) {
        ToolSpecification tool = ToolSpecifications.toolSpecificationFrom(method);
        return SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder()
                        .name(tool.name())
                        .description(tool.description())
                        .inputSchema(inputSchema(tool))
                        .build())
                .callHandler((exchange, request) -> call(method, tool.name(), exchange, request))
                .build();
    }

    /**
     * LangChain4j's JSON schema of the parameters, written as LangChain4j writes it for the model providers. The
     * writer lives in LangChain4j's {@code internal} package; should an upgrade move it, this stops compiling
     * rather than drifting from what the agent's model is shown.
     */
    private static Map<String, Object> inputSchema(ToolSpecification tool) {
        JsonObjectSchema parameters = tool.parameters();
        return JsonSchemaElementJsonUtils.toMap(parameters != null ? parameters : JsonObjectSchema.builder().build());
    }

    private CallToolResult call(Method method, String name, McpSyncServerExchange exchange, CallToolRequest request) {
        McpCaller caller = McpCaller.of(exchange.transportContext());
        TaskTools tools = new TaskTools(commands, queries, clock, caller.user(), Channel.MCP, caller.requestId());
        ToolExecutionRequest execution = ToolExecutionRequest.builder()
                .id(caller.requestId())
                .name(name)
                .arguments(json.writeValueAsString(request.arguments() == null ? Map.of() : request.arguments()))
                .build();
        try {
            String result = new DefaultToolExecutor(tools, method).execute(execution, null);
            return result(result, TaskTools.isError(result));
        } catch (ToolArgumentsException e) {
            // the SDK checked the arguments against the schema; what is left is a value LangChain4j cannot convert
            return result("{\"error\":\"invalid arguments for " + name + "\"}", true);
        } catch (RuntimeException e) {
            if (StorageFailures.isStorageFailure(e)) {
                log.warn("MCP tool {} failed because a store is unavailable: {}", name, e.toString());
                return result("{\"error\":\"The server cannot reach its storage right now; try again later\"}", true);
            }
            // a bug of this application: logged here once, and the client gets no detail
            log.error("MCP tool {} failed", name, e);
            throw new IllegalStateException("the tool " + name + " failed");
        }
    }

    private static CallToolResult result(String text, boolean isError) {
        return CallToolResult.builder().addTextContent(text).isError(isError).build();
    }
}
