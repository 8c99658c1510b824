package io.taskbot.app.security;

import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.V1Users;
import io.taskbot.app.support.V1Users.V1User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CORS headers for the origins of {@code taskbot.cors.allowed-origins} only, on preflights and on answers. */
class CorsIT {

    private static final String LISTED = "https://app.example.com";
    private static final String UNLISTED = "https://evil.example.net";

    @TempDir
    static Path dataDir;
    static RunningApp app;
    static ApiClient client;
    static V1User user;

    @BeforeAll
    static void startApp() {
        app = RunningApp.start(dataDir, Map.of("taskbot.rate-limits.enabled", "false",
                "taskbot.cors.allowed-origins", LISTED + ",https://other.example.org/"));
        client = app.client();
        user = V1Users.register(client, "cors");
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    private static Response preflight(String origin, String path, String method) {
        return client.withHeaders("OPTIONS", path, Map.of("Origin", origin,
                "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", "authorization,content-type,x-time-zone"));
    }

    @Test
    void aListedOriginsPreflightIsAnsweredWithoutAToken() {
        Response response = preflight(LISTED, "/v1/tasks", "POST");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(LISTED);
        assertThat(response.header("Access-Control-Allow-Methods")).contains("POST", "PATCH", "DELETE");
        assertThat(response.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "content-type", "x-time-zone");
        assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(response.header("Access-Control-Max-Age")).isEqualTo("3600");
    }

    @Test
    void aListedOriginIsMatchedWithoutCaseOrTrailingSlash() {
        Response response = preflight("https://OTHER.example.org", "/api/chat", "POST");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://OTHER.example.org");
    }

    @Test
    void anUnlistedOriginsPreflightGetsNoCorsHeaders() {
        Response response = preflight(UNLISTED, "/v1/tasks", "POST");

        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.header("Access-Control-Allow-Methods")).isNull();
        assertThat(response.header("Access-Control-Allow-Headers")).isNull();
        assertThat(response.status()).isLessThan(500);
    }

    @Test
    void answersToAListedOriginCarryTheCorsHeaders() {
        Response response = client.withHeader("Origin", LISTED).get("/v1/auth/me", user.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(LISTED);
        assertThat(response.header("Access-Control-Expose-Headers"))
                .contains("Location", "Retry-After", "X-Request-Id", "X-RateLimit-Remaining");
    }

    @Test
    void answersToAnUnlistedOriginAreServedWithoutCorsHeaders() {
        Response response = client.withHeader("Origin", UNLISTED).get("/v1/auth/me", user.token());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void refusalsToAListedOriginCarryTheHeadersSoThePageCanReadTheError() {
        Response response = client.withHeader("Origin", LISTED).get("/v1/auth/me", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(LISTED);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
    }
}
