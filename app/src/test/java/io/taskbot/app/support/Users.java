package io.taskbot.app.support;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Registers and logs in fresh users through contract 000. */
public final class Users {

    public static final String PASSWORD = "correct horse 1";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Users() {
    }

    public record User(long id, String username, String email, String token) {
    }

    public static User register(ApiClient client, String prefix) {
        String username = prefix + "-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100000;
        String email = username + "@example.com";
        ApiClient.Response registered = client.post("/api/v1/auth/register", null,
                Map.of("email", email, "username", username, "password", PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        return new User(registered.json().get("id").asLong(), username, email, login(client, username, PASSWORD));
    }

    public static String login(ApiClient client, String login, String password) {
        ApiClient.Response response = client.post("/api/v1/auth/login", null,
                Map.of("username", login, "password", password));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("access_token").asText();
    }
}
