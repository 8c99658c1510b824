package io.taskbot.app.contract004;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.V1Users;
import io.taskbot.app.support.V1Users.V1User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract 004's register, login, logout and me over HTTP, and what a logout means for the other contracts. */
@TaskbotApp
class Contract004AuthIT {

    static ApiClient client;

    @BeforeAll
    static void connect(ApiClient api) {
        client = api;
    }

    private static Response register(Object body) {
        return client.post("/v1/auth/register", null, body);
    }

    private static Response login(String email, String password) {
        return client.post("/v1/auth/login", null, Map.of("email", email, "password", password));
    }

    private static String freshEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static void assertError(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("success").asBoolean(true)).isFalse();
        assertThat(response.json().at("/error/code").asText()).isEqualTo(code);
        assertThat(response.json().at("/error/message").asText()).isNotBlank();
    }

    @Test
    void registersWithEmailAndPassword() {
        String email = freshEmail();
        Response response = register(Map.of("email", email.toUpperCase(), "password", "SecurePassword123!"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        assertThat(response.json().get("message").asText()).isEqualTo("Account created successfully");
        JsonNode user = response.json().at("/data/user");
        assertThat(user.get("id").asText()).matches("user_[1-9][0-9]*");
        assertThat(user.get("email").asText()).isEqualTo(email);
        assertThat(Instant.parse(user.get("created_at").asText())).isNotNull();
        assertThat(response.body()).doesNotContain("SecurePassword123!").doesNotContain("password");
        assertThat(response.header("X-RateLimit-Limit")).as("limits are switched off for this app").isNull();

        String token = response.json().at("/data/token").asText();
        JsonNode me = client.get("/v1/auth/me", token).json();
        assertThat(me.get("success").asBoolean()).isTrue();
        assertThat(me.get("data")).isEqualTo(user);
    }

    @Test
    void oneAccountWorksOnEveryContract() {
        V1User user = V1Users.register(client, "everywhere");

        assertThat(client.get("/api/v1/tasks", user.token()).status()).isEqualTo(200);
        assertThat(Users.login(client, user.email(), V1Users.PASSWORD)).as("000 logs in by e-mail too").isNotBlank();
    }

    @Test
    void aTakenEmailIsDuplicateEmail() {
        String email = freshEmail();
        assertThat(register(Map.of("email", email, "password", "passw0rd!")).status()).isEqualTo(201);

        assertError(register(Map.of("email", email, "password", "passw0rd!")), 409, "DUPLICATE_EMAIL");
        assertError(register(Map.of("email", " " + email.toUpperCase() + " ", "password", "other-passw0rd")), 409,
                "DUPLICATE_EMAIL");
    }

    @Test
    void badRegistrationsAreInvalidInput() {
        Map<Object, String> cases = new java.util.LinkedHashMap<>();
        cases.put(Map.of("email", "not-an-email", "password", "passw0rd!"), "Email");
        cases.put(Map.of("password", "passw0rd!"), "Email");
        cases.put(Map.of("email", freshEmail()), "Password is required");
        cases.put(Map.of("email", freshEmail(), "password", "short1"), "at least 8");
        cases.put(Map.of("email", freshEmail(), "password", "onlyletters"), "digit");
        cases.put(Map.of("email", freshEmail(), "password", "a1".repeat(65)), "at most 128");
        cases.put(Map.of("email", 42, "password", "passw0rd!"), "'email'");
        cases.put("{oops", "Malformed JSON");
        cases.put("", "JSON request body is required");
        cases.forEach((body, message) -> {
            Response response = register(body);
            assertError(response, 400, "INVALID_INPUT");
            assertThat(response.json().at("/error/message").asText()).as(String.valueOf(body)).contains(message);
        });
        assertError(client.raw("POST", "/v1/auth/register", null, "text/plain", "x"), 415, "INVALID_INPUT");
    }

    @Test
    void logsInByEmail() {
        V1User user = V1Users.register(client, "login");

        Response response = login(user.email().toUpperCase(), V1Users.PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("message").asText()).isEqualTo("Login successful");
        assertThat(response.json().at("/data/user/id").asText()).isEqualTo(user.id());
        assertThat(response.json().at("/data/user/email").asText()).isEqualTo(user.email());
        String token = response.json().at("/data/token").asText();
        assertThat(token).isNotEqualTo(user.token());
        assertThat(client.get("/v1/tasks", token).status()).isEqualTo(200);
    }

    @Test
    void wrongCredentialsAreInvalidCredentials() {
        V1User user = V1Users.register(client, "wrong");

        assertError(login(user.email(), "Wrong-passw0rd"), 401, "INVALID_CREDENTIALS");
        assertError(login("nobody-" + user.email(), V1Users.PASSWORD), 401, "INVALID_CREDENTIALS");
        assertThat(login(user.email(), "Wrong-passw0rd").json().at("/error/message").asText())
                .isEqualTo(login("nobody@example.com", "Wrong-passw0rd").json().at("/error/message").asText())
                .as("the message does not tell which part was wrong");
    }

    @Test
    void incompleteLoginsAreInvalidInput() {
        Users.User username = Users.register(client, "byname");

        assertError(client.post("/v1/auth/login", null, Map.of("password", "passw0rd!")), 400, "INVALID_INPUT");
        assertError(client.post("/v1/auth/login", null, Map.of("email", "a@example.com")), 400, "INVALID_INPUT");
        assertError(login(username.username(), Users.PASSWORD), 400, "INVALID_INPUT");
        assertError(client.post("/v1/auth/login", null, "{\"email\":"), 400, "INVALID_INPUT");
        assertError(client.get("/v1/auth/login", null), 405, "INVALID_INPUT");
        assertError(client.get("/v1/auth/register", null), 405, "INVALID_INPUT");
    }

    @Test
    void meAndLogoutNeedAToken() {
        for (Response response : List.of(client.get("/v1/auth/me", null), client.post("/v1/auth/logout", null, Map.of()),
                client.get("/v1/auth/me", "garbage"))) {
            assertError(response, 401, "UNAUTHORIZED");
        }
    }

    @Test
    void logoutRevokesTheTokenForEveryContract() {
        V1User user = V1Users.register(client, "logout");
        String otherSession = login(user.email(), V1Users.PASSWORD).json().at("/data/token").asText();
        long task = client.post("/v1/tasks", user.token(), Map.of("title", "survives the logout")).json()
                .at("/data/id").asLong();
        assertThat(client.post("/api/chat", user.token(), Map.of("message", "hi")).status())
                .as("before the logout the chat path lets the token through").isNotEqualTo(401);

        Response loggedOut = client.post("/v1/auth/logout", user.token(), null);

        assertThat(loggedOut.status()).as(loggedOut.body()).isEqualTo(200);
        assertThat(loggedOut.json().toString()).isEqualTo("{\"success\":true,\"message\":\"Logout successful\"}");

        assertError(client.get("/v1/auth/me", user.token()), 401, "UNAUTHORIZED");
        assertError(client.get("/v1/tasks/" + task, user.token()), 401, "UNAUTHORIZED");
        assertError(client.post("/v1/auth/logout", user.token(), null), 401, "UNAUTHORIZED");

        Response api = client.get("/api/v1/tasks", user.token());
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.json().get("detail").asText()).isNotBlank();
        assertThat(api.json().size()).isEqualTo(1);

        Response chat = client.post("/api/chat", user.token(), Map.of("message", "hi"));
        assertThat(chat.status()).isEqualTo(401);
        assertThat(chat.json().at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(chat.json().has("success")).isFalse();

        assertThat(client.get("/v1/tasks/" + task, otherSession).status())
                .as("the user's other sessions stay valid").isEqualTo(200);
    }
}
