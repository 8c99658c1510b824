package io.taskbot.app.security;

import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins are made by the operator, not by sign-up: {@code taskbot.admin-password} creates or resets the accounts of
 * {@code taskbot.admins} at start, nobody can register a listed e-mail, and admin rights are looked up on every
 * request, so that an e-mail removed from the list takes them away from tokens already issued.
 */
class AdminAccountsIT {

    private static final String ADMIN = "boss@example.com";
    private static final String SQUATTED = "squatted@example.com";
    private static final String PASSWORD = "operator password 7";
    private static final String ADMIN_ENDPOINT = "/api/admin/read-models";

    @TempDir
    Path dataDir;
    private RunningApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void onlyTheOperatorMakesAdmins() {
        app = RunningApp.start(dataDir, Map.of("taskbot.admins", "Boss@Example.com",
                "taskbot.admin-password", PASSWORD));
        ApiClient client = app.client();

        // the listed e-mail cannot be signed up for, in any letter case, on either contract
        Response signUp = client.post("/api/v1/auth/register", null,
                Map.of("email", "BOSS@example.com", "username", "boss", "password", Users.PASSWORD));
        assertThat(signUp.status()).as(signUp.body()).isEqualTo(400);
        assertThat(signUp.json().get("detail").asText()).isEqualTo("Username or email already registered");
        Response v1SignUp = client.post("/v1/auth/register", null,
                Map.of("email", "boss@EXAMPLE.com", "password", Users.PASSWORD));
        assertThat(v1SignUp.status()).as(v1SignUp.body()).isEqualTo(409);
        assertThat(v1SignUp.json().at("/error/code").asText()).isEqualTo("DUPLICATE_EMAIL");

        // the operator's account logs in through both contracts and is an admin
        String adminToken = Users.login(client, ADMIN, PASSWORD);
        assertThat(client.get(ADMIN_ENDPOINT, adminToken).status()).isEqualTo(200);
        Response v1Login = client.post("/v1/auth/login", null, Map.of("email", ADMIN, "password", PASSWORD));
        assertThat(v1Login.status()).as(v1Login.body()).isEqualTo(200);
        assertThat(client.get(ADMIN_ENDPOINT, v1Login.json().at("/data/token").asText()).status()).isEqualTo(200);

        User user = Users.register(client, "plain");
        assertThat(client.get(ADMIN_ENDPOINT, user.token()).status()).isEqualTo(403);
        // someone registers an e-mail the operator lists only later
        Response squatter = client.post("/v1/auth/register", null,
                Map.of("email", SQUATTED, "password", Users.PASSWORD));
        assertThat(squatter.status()).as(squatter.body()).isEqualTo(201);
        String squatterToken = squatter.json().at("/data/token").asText();
        app.close();

        // listed now: the operator's password replaces the registrant's, whose tokens stop working
        app = RunningApp.start(dataDir, Map.of("taskbot.admins", ADMIN + "," + SQUATTED,
                "taskbot.admin-password", PASSWORD));
        client = app.client();
        assertThat(client.post("/v1/auth/login", null, Map.of("email", SQUATTED, "password", Users.PASSWORD))
                .status()).isEqualTo(401);
        assertThat(client.get(ADMIN_ENDPOINT, squatterToken).status()).isEqualTo(401);
        assertThat(client.get("/v1/auth/me", squatterToken).status()).isEqualTo(401);
        String takenOver = Users.login(client, SQUATTED, PASSWORD);
        assertThat(client.get(ADMIN_ENDPOINT, takenOver).status()).isEqualTo(200);
        assertThat(client.get(ADMIN_ENDPOINT, adminToken).status())
                .as("the same password again leaves the admin's tokens valid").isEqualTo(200);
        app.close();

        // removed from the list: the token issued while listed has no admin rights any more; without a password
        // the remaining admin stays what an earlier start made it
        app = RunningApp.start(dataDir, Map.of("taskbot.admins", SQUATTED));
        client = app.client();
        assertThat(client.get(ADMIN_ENDPOINT, adminToken).status()).isEqualTo(403);
        assertThat(client.get("/v1/auth/me", adminToken).status()).as("still a user").isEqualTo(200);
        assertThat(client.get(ADMIN_ENDPOINT, takenOver).status()).isEqualTo(200);
    }
}
