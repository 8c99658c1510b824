package io.taskbot.app.support;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Registers fresh users through contract 004, which answers with a token straight away. */
public final class V1Users {

    public static final String PASSWORD = "Secure-Passw0rd";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private V1Users() {
    }

    /** {@code id} is the contract's {@code user_<n>}. */
    public record V1User(String id, String email, String token) {
    }

    public static V1User register(ApiClient client, String prefix) {
        String email = prefix + "-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100000 + "@example.com";
        ApiClient.Response registered = client.post("/v1/auth/register", null,
                Map.of("email", email, "password", PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return new V1User(registered.json().at("/data/user/id").asText(), email,
                registered.json().at("/data/token").asText());
    }
}
