package io.taskbot.app.support;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin account of a test app: start the app with {@link #PROPERTIES}, then register and log in with {@link #login}. */
public final class Admins {

    public static final String EMAIL = "admin@example.com";
    public static final Map<String, String> PROPERTIES = Map.of("taskbot.admins", EMAIL);

    private Admins() {
    }

    /** Registers the admin account (once per app) and returns a token that carries the admin role. */
    public static String login(ApiClient client) {
        ApiClient.Response registered = client.post("/api/v1/auth/register", null,
                Map.of("email", EMAIL, "username", "admin", "password", Users.PASSWORD));
        assertThat(registered.status()).as(registered.body()).isIn(200, 400);
        return Users.login(client, "admin", Users.PASSWORD);
    }
}
