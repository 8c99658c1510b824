package io.taskbot.app.support;

import java.util.Map;

/**
 * The admin account of a test app: start the app with {@link #PROPERTIES}, which make the operator's admin account at
 * start, then log in with {@link #login}.
 */
public final class Admins {

    public static final String EMAIL = "admin@example.com";
    public static final String PASSWORD = "operator password 1";
    public static final Map<String, String> PROPERTIES = Map.of("taskbot.admins", EMAIL,
            "taskbot.admin-password", PASSWORD);

    private Admins() {
    }

    /** A token of the admin account. */
    public static String login(ApiClient client) {
        return Users.login(client, EMAIL, PASSWORD);
    }
}
