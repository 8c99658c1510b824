package io.taskbot.app.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /v3/api-docs} documents every endpoint of the controllers, and it and Swagger UI are public. */
@TaskbotApp
class OpenApiIT {

    static RunningApp app;
    static ApiClient client;
    static JsonNode document;

    @BeforeAll
    static void connect(RunningApp running) {
        app = running;
        client = app.client();
        Response response = client.get("/v3/api-docs", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        document = response.json();
        // kept for readers of the build's output, and for client generators
        try {
            java.nio.file.Files.writeString(Path.of("target/openapi.json"), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every method and path the application's controllers answer, but the error page and the console's page. */
    private static List<String> controllerEndpoints() {
        RequestMappingHandlerMapping mapping = app.bean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        List<String> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            String beanType = mapping.getHandlerMethods().get(info).getBeanType().getName();
            if (!beanType.startsWith("io.taskbot.")) {
                continue; // springdoc's own endpoints
            }
            for (String path : info.getPathPatternsCondition().getPatternValues()) {
                if (path.equals("/error") || path.equals("${server.error.path:/error}") || path.equals("/")
                        || path.equals("/index.html")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    endpoints.add(method.name() + " " + path);
                }
            }
        }
        return endpoints;
    }

    @Test
    void everyControllerEndpointIsInTheDocument() {
        List<String> endpoints = controllerEndpoints();
        assertThat(endpoints).hasSizeGreaterThan(25)
                .contains("POST /api/v1/auth/register", "POST /api/chat", "GET /v1/tasks/{taskId}/history");

        for (String endpoint : endpoints) {
            String[] parts = endpoint.split(" ", 2);
            JsonNode operation = document.at("/paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
            assertThat(operation.isMissingNode()).as(endpoint + " is documented").isFalse();
            assertThat(operation.at("/tags/0").asText()).as(endpoint + " has its contract").isNotBlank();
        }
    }

    @Test
    void theBearerSchemeProtectsAllButThePublicEndpoints() {
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/bearer/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(document.at("/paths/~1v1~1tasks/get/security/0/bearer").isArray()).isTrue();
        assertThat(document.at("/paths/~1v1~1auth~1login/post/security").isMissingNode()).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1health/get/security").isMissingNode()).isTrue();
    }

    @Test
    void eachContractsErrorsAreInItsOwnShape() {
        assertThat(document.at("/paths/~1api~1v1~1tasks~1{taskId}/get/responses/404/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Error000");
        assertThat(document.at("/paths/~1api~1chat/post/responses/400/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Error003");
        assertThat(document.at("/paths/~1api~1chat/post/responses/404/content/application~1json/example/error/code")
                .asText()).isEqualTo("CONVERSATION_NOT_FOUND");
        assertThat(document.at("/paths/~1v1~1tasks/post/responses/401/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Error004");
        assertThat(typeOf(document.at("/components/schemas/Error000/properties/detail"))).isEqualTo("string");
        assertThat(document.at("/components/schemas/Error004/properties/error/$ref").asText())
                .isEqualTo("#/components/schemas/ApiErrorObject");
    }

    @Test
    void contract004AnswersDescribeTheirDataInSnakeCase() {
        JsonNode created = document.at("/paths/~1v1~1tasks/post/responses/201/content/application~1json/schema");
        assertThat(created.at("/properties/data/$ref").asText()).isEqualTo("#/components/schemas/V1Task");
        assertThat(typeOf(document.at("/components/schemas/V1Task/properties/user_id"))).isEqualTo("string");
        assertThat(document.at("/components/schemas/V1Task/properties/due_date").isMissingNode()).isFalse();
        assertThat(document.at("/paths/~1v1~1tasks/post/requestBody/content/application~1json/example/title")
                .asText()).isEqualTo("Complete project proposal");
    }

    /** OpenAPI 3.1 writes a schema's type as a name or as a list of names. */
    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? type.path(0).asText() : type.asText();
    }

    @Test
    void swaggerUiIsPublic() {
        Response page = client.withHeaders("GET", "/swagger-ui/index.html", Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }
}
