package io.taskbot.app.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The MCP server as an MCP client sees it, through the SDK's own streamable HTTP client with the bearer token in
 * every request: the agent's tools with their schemas, calls that act for the token's user only and are read back
 * at once through the REST API, the "mcp" channel in the audit, and 401 without a valid token.
 */
@TaskbotApp
class McpServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> AGENT_TOOLS = List.of("complete_todos", "create_todo", "delete_todo",
            "get_todos", "search_todos", "undo_todo", "update_todo");

    static ApiClient api;
    static User alice;
    static User bob;
    static McpSyncClient aliceMcp;
    static McpSyncClient bobMcp;
    static InitializeResult initialized;

    @BeforeAll
    static void connect(ApiClient client) {
        api = client;
        alice = Users.register(api, "mcp-alice");
        bob = Users.register(api, "mcp-bob");
        aliceMcp = mcpClient(alice.token());
        initialized = aliceMcp.initialize();
        bobMcp = mcpClient(bob.token());
        bobMcp.initialize();
    }

    @AfterAll
    static void disconnect() {
        for (McpSyncClient client : new McpSyncClient[] {aliceMcp, bobMcp}) {
            if (client != null) {
                client.closeGracefully();
            }
        }
    }

    private static McpSyncClient mcpClient(String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(api.baseUrl())
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, endpoint, body, context) ->
                        request.header("Authorization", "Bearer " + token))
                .build();
        // generous: the suite's machine is shared, and nothing here is timed
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60)).build();
    }

    private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    private static JsonNode text(CallToolResult result) {
        assertThat(result.content()).hasSize(1);
        try {
            return JSON.readTree(((TextContent) result.content().get(0)).text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode answer(CallToolResult result) {
        assertThat(result.isError()).as(result.toString()).isFalse();
        return text(result);
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static long createdByRest(User user, String title) {
        Response created = api.post("/api/v1/tasks", user.token(), Map.of("title", title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    @Test
    void theServerOffersTheAgentsToolsWithTheirParameters() {
        assertThat(initialized.serverInfo().name()).isEqualTo("taskbot");
        assertThat(initialized.capabilities().tools()).isNotNull();

        Map<String, Tool> tools = aliceMcp.listTools().tools().stream()
                .collect(Collectors.toMap(Tool::name, tool -> tool));

        assertThat(tools.keySet()).containsExactlyInAnyOrderElementsOf(AGENT_TOOLS);
        Tool create = tools.get("create_todo");
        assertThat(create.description()).isEqualTo("Creates a task on the user's list and returns it");
        assertThat(create.inputSchema()).containsEntry("type", "object").containsEntry("required", List.of("title"));
        assertThat(properties(create))
                .containsOnlyKeys("title", "description", "priority", "due_date", "tags", "recurrence");
        assertThat(properties(create).get("title")).containsEntry("type", "string");
        assertThat(properties(create).get("tags")).containsEntry("type", "array")
                .containsEntry("items", Map.of("type", "string"));

        Tool complete = tools.get("complete_todos");
        assertThat(complete.inputSchema()).containsEntry("required", List.of("ids"));
        assertThat(properties(complete).get("ids")).containsEntry("type", "array");
        assertThat(properties(complete).get("completed")).containsEntry("type", "boolean");
        assertThat(properties(tools.get("update_todo")).get("completed")).containsEntry("type", "boolean");
        assertThat(properties(tools.get("update_todo")).get("recurrence")).containsEntry("type", "string");
        assertThat(tools.get("undo_todo").inputSchema()).containsEntry("required", List.of("id"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> properties(Tool tool) {
        return (Map<String, Map<String, Object>>) tool.inputSchema().get("properties");
    }

    @Test
    void aTaskCreatedThroughMcpIsListedAtOnceAndAuditedAsTheTokensUserThroughMcp() {
        JsonNode todo = answer(call(aliceMcp, "create_todo", Map.of("title", "Buy milk via MCP",
                "priority", "high", "tags", List.of("shop"))));
        assertThat(todo.get("title").asText()).isEqualTo("Buy milk via MCP");
        assertThat(todo.get("priority").asText()).isEqualTo("high");
        String id = todo.get("id").asText();

        // read-your-writes: the tool answered once the read model showed the task
        List<String> listed = new ArrayList<>();
        ok(api.get("/api/v1/tasks", alice.token())).forEach(task -> listed.add(task.get("id").asText()));
        assertThat(listed).contains(id);

        JsonNode history = ok(api.get("/api/v1/tasks/" + id + "/history", alice.token()));
        assertThat(history.get(0).get("type").asText()).isEqualTo("task.created");
        assertThat(history.get(0).get("channel").asText()).isEqualTo("mcp");
        assertThat(history.get(0).get("actor").asLong()).isEqualTo(alice.id());
    }

    @Test
    void completeTodosCompletesSeveralTasksInOneCallAndReportsAnUnknownIdOnItsOwn() {
        long first = createdByRest(alice, "Water the plants");
        long second = createdByRest(alice, "Take out the trash");

        JsonNode done = answer(call(aliceMcp, "complete_todos",
                Map.of("ids", List.of(Long.toString(first), "987654321", Long.toString(second)))));

        assertThat(done).hasSize(3);
        assertThat(done.get(0).get("completed").asBoolean()).isTrue();
        assertThat(done.get(1).get("id").asText()).isEqualTo("987654321");
        assertThat(done.get(1).get("error").asText()).isEqualTo("no task with this id");
        assertThat(done.get(2).get("completed").asBoolean()).isTrue();
        for (long id : List.of(first, second)) {
            assertThat(ok(api.get("/api/v1/tasks/" + id, alice.token())).get("status").asText())
                    .isEqualTo("completed");
        }

        JsonNode reopened = answer(call(aliceMcp, "complete_todos",
                Map.of("ids", List.of(Long.toString(first)), "completed", false)));
        assertThat(reopened.get(0).get("completed").asBoolean()).isFalse();
        assertThat(ok(api.get("/api/v1/tasks/" + first, alice.token())).get("status").asText())
                .isEqualTo("pending");
    }

    @Test
    void aRefusedCallIsAToolErrorResult() {
        CallToolResult unknown = call(aliceMcp, "update_todo", Map.of("id", "987654321", "completed", true));

        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown).get("error").asText()).isEqualTo("no task with this id");

        CallToolResult untitled = call(aliceMcp, "create_todo", Map.of("title", "   "));
        assertThat(untitled.isError()).isTrue();
        assertThat(text(untitled).get("error").asText()).isEqualTo("Title is required");
    }

    @Test
    void anotherUsersTaskIsOutOfReachAsIfItDidNotExist() {
        long bobs = createdByRest(bob, "Bob's private errand");
        String id = Long.toString(bobs);

        CallToolResult update = call(aliceMcp, "update_todo", Map.of("id", id, "title", "mine now"));
        CallToolResult delete = call(aliceMcp, "delete_todo", Map.of("id", id));
        JsonNode completed = answer(call(aliceMcp, "complete_todos", Map.of("ids", List.of(id))));
        JsonNode found = answer(call(aliceMcp, "search_todos", Map.of("query", "private errand")));

        assertThat(update.isError()).isTrue();
        assertThat(text(update).get("error").asText()).isEqualTo("no task with this id");
        assertThat(delete.isError()).isTrue();
        assertThat(text(delete).get("error").asText()).isEqualTo("no task with this id");
        assertThat(completed.get(0).get("error").asText()).isEqualTo("no task with this id");
        assertThat(found).isEmpty();

        JsonNode untouched = ok(api.get("/api/v1/tasks/" + bobs, bob.token()));
        assertThat(untouched.get("title").asText()).isEqualTo("Bob's private errand");
        assertThat(untouched.get("status").asText()).isEqualTo("pending");
        // and Bob's own MCP session sees it
        assertThat(answer(call(bobMcp, "search_todos", Map.of("query", "private errand")))).hasSize(1);
    }

    @Test
    void withoutAValidTokenTheEndpointAnswers401() {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}";

        for (String token : new String[] {null, "not-a-token"}) {
            Response refused = api.raw("POST", "/mcp", token, "application/json", initialize);

            assertThat(refused.status()).as(refused.body()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(refused.json().get("error").get("code").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(refused.body()).doesNotContain("Exception");
        }

        McpSyncClient stranger = mcpClient("not-a-token");
        try {
            assertThatThrownBy(stranger::initialize).isInstanceOf(RuntimeException.class);
        } finally {
            stranger.close();
        }
    }
}
