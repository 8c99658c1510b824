package io.taskbot.app.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.Databases;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import io.taskbot.task.TaskCreatedEvent;
import io.taskbot.task.TaskPriorityChangedEvent;
import io.taskbot.task.TaskRenamedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reaches the event store, on the embedded H2 file or, when {@code taskbot.it.postgres-url} is set, on
 * PostgreSQL: one past-tense event per change with the caller's metadata, and nothing secret.
 */
@TaskbotApp
class EventStoreIT {

    static RunningApp app;
    static ApiClient client;

    @BeforeAll
    static void connect(RunningApp running) {
        app = running;
        client = app.client();
    }

    @Test
    void runsOnTheDatabaseUnderTest() throws Exception {
        try (Connection connection = app.bean(DataSource.class).getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            assertThat(product).isEqualTo(Databases.postgres() ? "PostgreSQL" : "H2");
        }
    }

    @Test
    void storesOneEventPerChangeWithWhoHowAndWhy() {
        User user = Users.register(client, "audit");
        Response created = client.post("/api/v1/tasks", user.token(), Map.of("title", "Audit me"));
        long id = created.json().get("id").asLong();
        client.put("/api/v1/tasks/" + id, user.token(), Map.of("title", "Audited", "priority", "high"));
        client.put("/api/v1/tasks/" + id, user.token(), Map.of("title", "Audited", "priority", "high"));

        List<DomainEventMessage<?>> events = new ArrayList<>();
        app.bean(EventStore.class).readEvents(Long.toString(id)).forEachRemaining(events::add);

        assertThat(events).extracting(event -> (Object) event.getPayloadType()).containsExactly(
                TaskCreatedEvent.class, TaskRenamedEvent.class, TaskPriorityChangedEvent.class);
        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        for (DomainEventMessage<?> event : events) {
            assertThat(event.getMetaData()).containsEntry("userId", Long.toString(user.id()))
                    .containsEntry("channel", "api-v1")
                    .containsKey("correlationId");
        }
        assertThat(events.get(1).getMetaData().get("correlationId"))
                .isEqualTo(events.get(2).getMetaData().get("correlationId"))
                .as("both events came from one request")
                .isNotEqualTo(events.get(0).getMetaData().get("correlationId"));
    }

    @Test
    void theClientsRequestIdBecomesTheCorrelationId() {
        User user = Users.register(client, "corr");
        Response created = client.post("/api/v1/tasks", user.token(), Map.of("title", "Correlate me"));
        long id = created.json().get("id").asLong();
        String requestId = created.header("X-Request-Id");

        DomainEventMessage<?> event = app.bean(EventStore.class).readEvents(Long.toString(id)).next();
        assertThat(event.getMetaData().get("correlationId")).isEqualTo(requestId);
    }

    @Test
    void noPasswordOrTokenEverReachesTheEventStore() throws Exception {
        User user = Users.register(client, "secret");
        client.post("/api/v1/tasks", user.token(), Map.of("title", "Harmless"));

        StringBuilder everything = new StringBuilder();
        try (Connection connection = app.bean(DataSource.class).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT payload, metaData FROM DomainEventEntry")) {
            while (rows.next()) {
                everything.append(new String(rows.getBytes(1), StandardCharsets.UTF_8))
                        .append(new String(rows.getBytes(2), StandardCharsets.UTF_8));
            }
        }
        assertThat(everything).doesNotContain(Users.PASSWORD).doesNotContain(user.token())
                .doesNotContain("passwordHash").doesNotContain(user.email());
    }

    @Test
    void taskIdsComeFromTheDatabaseSequence() {
        User user = Users.register(client, "ids");
        long first = client.post("/api/v1/tasks", user.token(), Map.of("title", "one")).json().get("id").asLong();
        long second = client.post("/api/v1/tasks", user.token(), Map.of("title", "two")).json().get("id").asLong();

        assertThat(second).isGreaterThan(first);
        JsonNode invalid = client.post("/api/v1/tasks", user.token(), Map.of("title", "")).json();
        assertThat(invalid.get("detail").asText()).isEqualTo("Title is required");
    }
}
