package io.taskbot.app.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import io.taskbot.app.contract004.V1Documentation;
import io.taskbot.app.web.ApiContract;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One OpenAPI document for the three contracts at {@code /v3/api-docs}, with Swagger UI at
 * {@code /swagger-ui/index.html}: each operation is tagged with its contract, carries the bearer scheme unless it is
 * public, and lists its errors in its contract's own error shape. Contract 004's answers are described with the
 * type their {@code data} really holds.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final Set<String> PUBLIC = Set.of("POST /api/v1/auth/register", "POST /api/v1/auth/login",
            "GET /api/v1/health", "POST /v1/auth/register", "POST /v1/auth/login");

    private record ContractDoc(String tag, String description, String errorSchema, Map<String, String> codes) {

        /** The error body this contract answers with for {@code status}. */
        Object example(String status, String message) {
            if (codes.isEmpty()) {
                return Map.of("detail", message);
            }
            Map<String, Object> error = Map.of("code", codes.getOrDefault(status, "INVALID_REQUEST"), "message", message);
            return errorSchema.equals("Error004") ? Map.of("success", false, "error", error) : Map.of("error", error);
        }
    }

    private static final Map<String, String> EXAMPLE_MESSAGES = Map.of(
            "400", "Title is required", "401", "Not authenticated", "403", "Task belongs to another user",
            "404", "Task not found", "409", "Task 17 has no change left to undo: its creation cannot be undone",
            "429", "Rate limit exceeded; try again in 42 seconds",
            "503", "The assistant is not available right now; try again shortly");

    private static final Map<ApiContract, ContractDoc> CONTRACTS = Map.of(
            ApiContract.API_V1, new ContractDoc("Contract 000 (/api/v1)",
                    "Plain JSON objects and arrays; every error is {\"detail\": \"...\"}.", "Error000", Map.of()),
            ApiContract.CHAT, new ContractDoc("Contract 003 (/api/chat)",
                    "The chat agent; errors are {\"error\": {\"code\", \"message\", \"details\"}}.", "Error003",
                    Map.of("400", "INVALID_REQUEST", "401", "UNAUTHORIZED", "404", "CONVERSATION_NOT_FOUND",
                            "429", "RATE_LIMIT_EXCEEDED", "503", "SERVICE_UNAVAILABLE")),
            ApiContract.V1, new ContractDoc("Contract 004 (/v1)",
                    "Every answer is in the {\"success\", \"data\", \"message\"} envelope.", "Error004",
                    Map.of("400", "INVALID_INPUT", "401", "UNAUTHORIZED", "403", "FORBIDDEN", "404", "NOT_FOUND",
                            "409", "NOTHING_TO_UNDO", "429", "RATE_LIMIT_EXCEEDED", "503", "INTERNAL_ERROR")),
            ApiContract.OTHER, new ContractDoc("Administration",
                    "Read-model rebuilds and dead letters, for the accounts listed in taskbot.admins.", "ErrorOther",
                    Map.of("400", "INVALID_INPUT", "401", "UNAUTHORIZED", "403", "FORBIDDEN", "404", "NOT_FOUND",
                            "429", "RATE_LIMITED", "503", "UNAVAILABLE")));

    /** Request bodies worth an example beyond their schema. */
    private static final Map<String, Object> REQUEST_EXAMPLES = Map.of(
            "POST /api/v1/auth/register", Map.of("email", "ada@example.com", "username", "ada",
                    "password", "analytical1"),
            "POST /api/v1/auth/login", Map.of("username", "ada", "password", "analytical1"),
            "POST /api/v1/tasks", Map.of("title", "Buy groceries", "priority", "high", "due_date", "2026-12-24",
                    "tags", List.of("home")),
            "POST /api/v1/messages", Map.of("content", "remind me to call mom tomorrow at 5pm"),
            "POST /api/chat", Map.of("message", "Add a task to buy groceries"),
            "POST /v1/auth/register", Map.of("email", "ada@example.com", "password", "analytical1"),
            "POST /v1/auth/login", Map.of("email", "ada@example.com", "password", "analytical1"),
            "POST /v1/tasks", Map.of("title", "Complete project proposal", "priority", "high",
                    "tags", List.of("work")),
            "PUT /v1/tasks/{taskId}", Map.of("title", "Complete the proposal", "completed", true),
            "PATCH /v1/tasks/{taskId}/complete", Map.of("completed", true));

    /** The document's schemas in the APIs' own naming: snake_case, as Spring MVC writes the JSON. */
    private static final ObjectMapper SNAKE_CASE = Json.mapper().copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(SNAKE_CASE);
    }

    @Bean
    OpenAPI taskbotOpenApi() {
        Components components = new Components()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("The access token of any login or registration: "
                                + "Authorization: Bearer <token>. Tokens in query strings are refused."));
        OpenAPI openApi = new OpenAPI()
                .info(new Info().title("Taskbot").version("1")
                        .description("Event-sourced task management you can talk to. Three API contracts side by "
                                + "side over one core; one account and one token work on all three."))
                .components(components);
        CONTRACTS.values().forEach(doc -> openApi.addTagsItem(new Tag().name(doc.tag()).description(doc.description())));
        return openApi;
    }

    /** Added here rather than to the bean's components, which springdoc replaces with the schemas it finds. */
    private static void addErrorSchemas(Components components) {
        components.addSchemas("ApiErrorObject", new ObjectSchema()
                .addProperty("code", new StringSchema().example("NOT_FOUND"))
                .addProperty("message", new StringSchema().example("Task not found"))
                .addProperty("details", new ObjectSchema().description("optional structured details"))
                .required(List.of("code", "message")));
        components.addSchemas("Error000", new ObjectSchema().addProperty("detail", new StringSchema())
                .required(List.of("detail")).description("Contract 000's error body"));
        components.addSchemas("Error003", new ObjectSchema().addProperty("error", ref("ApiErrorObject"))
                .required(List.of("error")).description("Contract 003's error body"));
        components.addSchemas("Error004", new ObjectSchema()
                .addProperty("success", new BooleanSchema().example(false))
                .addProperty("error", ref("ApiErrorObject"))
                .required(List.of("success", "error")).description("Contract 004's error envelope"));
        components.addSchemas("ErrorOther", new ObjectSchema().addProperty("error", ref("ApiErrorObject"))
                .required(List.of("error")));
    }

    @Bean
    OpenApiCustomizer contractsCustomizer() {
        return openApi -> {
            addErrorSchemas(openApi.getComponents());
            ModelConverters models = new ModelConverters();
            models.addConverter(new ModelResolver(SNAKE_CASE));
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    describe(openApi, models, method.name() + " " + path, ApiContract.forPath(path), operation)));
        };
    }

    private static void describe(OpenAPI openApi, ModelConverters models, String key, ApiContract contract,
                                 Operation operation) {
        ContractDoc doc = CONTRACTS.get(contract);
        operation.setTags(List.of(doc.tag()));
        boolean open = PUBLIC.contains(key);
        if (!open) {
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        }
        if (contract == ApiContract.V1 && V1Documentation.successes().containsKey(key)) {
            describeEnvelope(openApi, models, operation, V1Documentation.successes().get(key));
        }
        if (key.equals("GET /v1/tasks/events")) {
            operation.setResponses(new ApiResponses().addApiResponse("200", new ApiResponse()
                    .description("Server-sent events: 'ready' {total} once subscribed, then 'task' {id, version, "
                            + "deleted, task} for every change of the caller's tasks, and a comment every 20 s")
                    .content(new Content().addMediaType("text/event-stream", new MediaType()
                            .schema(new StringSchema()).example("event:task\ndata:{\"id\":17,\"version\":1,"
                                    + "\"deleted\":false,\"task\":{\"id\":17,\"title\":\"Water the plants\"}}\n\n")))));
        }
        Object example = REQUEST_EXAMPLES.get(key);
        if (example != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(example));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Invalid input, in the contract's words");
        if (!open) {
            errors.put("401", "No token, or one that is malformed, expired or revoked");
        }
        if (!open && contract == ApiContract.OTHER) {
            errors.put("403", "Not an admin");
        }
        if (key.contains("{") || key.equals("POST /api/chat") || key.contains("/api/v1/messages")) {
            errors.put("404", "No such task or conversation (someone else's task is 403 under /v1, 404 elsewhere)");
        }
        if (contract == ApiContract.V1 && key.contains("{taskId}")) {
            errors.put("403", "Someone else's task");
        }
        if (key.endsWith("/undo")) {
            errors.put("409", "Nothing left to undo: every change was taken back, and the creation cannot be");
        }
        errors.put("429", "A rate limit ran out; Retry-After says when to try again");
        errors.put("503", "The chat model or the read model is not available just now; Retry-After says when to retry");
        errors.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(description)
                        .content(new Content().addMediaType("application/json", new MediaType()
                                .schema(ref(doc.errorSchema()))
                                .example(doc.example(status, EXAMPLE_MESSAGES.get(status))))));
            }
        });
        operation.setResponses(responses);
    }

    /** Replaces the generic envelope of a contract 004 answer with one whose data is the real type. */
    private static void describeEnvelope(OpenAPI openApi, ModelConverters models, Operation operation,
                                         V1Documentation.Success success) {
        ObjectSchema envelope = new ObjectSchema();
        envelope.addProperty("success", new BooleanSchema().example(true));
        if (success.data() != null) {
            ResolvedSchema resolved = models.readAllAsResolvedSchema(new AnnotatedType(success.data()));
            String name = success.data().getSimpleName();
            openApi.getComponents().addSchemas(name, resolved.schema);
            if (resolved.referencedSchemas != null) {
                resolved.referencedSchemas.forEach((referenced, schema) ->
                        openApi.getComponents().addSchemas(referenced, schema));
            }
            envelope.addProperty("data", success.list() ? new ArraySchema().items(ref(name)) : ref(name));
        }
        envelope.addProperty("message", new StringSchema());
        envelope.required(List.of("success"));
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse(String.valueOf(success.status()), new ApiResponse().description("Success")
                .content(new Content().addMediaType("application/json", new MediaType().schema(envelope))));
        operation.setResponses(responses);
    }

    @SuppressWarnings("rawtypes")
    private static Schema ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }
}
