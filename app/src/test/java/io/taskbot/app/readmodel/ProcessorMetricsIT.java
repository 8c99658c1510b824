package io.taskbot.app.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.Admins;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's Micrometer metrics and the read models' lag in Prometheus, and the {@code processors} health group. */
@TaskbotApp
class ProcessorMetricsIT {

    static RunningApp app;
    static ApiClient client;
    static String admin;

    @BeforeAll
    static void connect(RunningApp running) {
        app = running;
        client = app.client();
        admin = Admins.login(client);
        String user = Users.register(client, "metered").token();
        Response created = client.post("/api/v1/tasks", user, Map.of("title", "Count me"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(client.get("/api/v1/tasks", user).status()).isEqualTo(200);
    }

    @Test
    void prometheusShowsAxonsMetricsAndTheReadModelLag() {
        Response scrape = client.withHeaders("GET", "/actuator/prometheus",
                Map.of("Authorization", "Bearer " + admin, "Accept", "text/plain"));

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("commandBus_")
                .contains("queryBus_")
                .contains("eventStore_")
                .contains("eventProcessor_")
                .contains("taskbot_read_model_behind{read_model=\"tasks\"}")
                .contains("taskbot_read_model_behind{read_model=\"conversation-history\"}");
    }

    @Test
    void theProcessorsHealthGroupShowsHowFarBehindEachReadModelIs() {
        Response health = client.get("/actuator/health/processors", admin);

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        JsonNode tasks = health.json().at("/components/readModels/details/tasks");
        assertThat(tasks.get("state").asText()).isEqualTo("live");
        assertThat(tasks.get("behind").isNumber()).isTrue();
        assertThat(health.json().at("/components/taskEventPublisher/status").asText()).isNotBlank();
    }

    @Test
    void theGroupsDetailsAreForAdminsOnly() {
        Response health = client.get("/actuator/health/processors", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().has("components")).isFalse();
    }
}
