package io.taskbot.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Which relational database the event-store ITs run on: the embedded H2 file by default, PostgreSQL when the system
 * property {@code taskbot.it.postgres-url} names one (CI sets it). On PostgreSQL each app gets a schema of its own.
 */
public final class Databases {

    public static final String POSTGRES_URL_PROPERTY = "taskbot.it.postgres-url";

    private Databases() {
    }

    public static boolean postgres() {
        String url = System.getProperty(POSTGRES_URL_PROPERTY, "");
        return !url.isBlank();
    }

    /** Properties that point a new app at a fresh schema of the PostgreSQL under test; none for H2. */
    public static Map<String, String> freshEventStore() {
        if (!postgres()) {
            return Map.of();
        }
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = System.getProperty(POSTGRES_URL_PROPERTY);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        properties.put("spring.datasource.username", System.getProperty("taskbot.it.postgres-user", "postgres"));
        properties.put("spring.datasource.password", System.getProperty("taskbot.it.postgres-password", ""));
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.create-schemas", "true");
        return properties;
    }

    /** Drops a schema made by {@link #freshEventStore()}. */
    public static void drop(Map<String, String> properties) {
        String schema = properties.get("spring.flyway.schemas");
        if (schema == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(System.getProperty(POSTGRES_URL_PROPERTY),
                properties.get("spring.datasource.username"), properties.get("spring.datasource.password"));
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + schema, e);
        }
    }
}
