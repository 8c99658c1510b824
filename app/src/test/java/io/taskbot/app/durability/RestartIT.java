package io.taskbot.app.durability;

import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import io.taskbot.app.support.V1Users;
import io.taskbot.app.support.V1Users.V1User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clean stop and start on the same data dir keeps accounts, tokens, tasks and the id sequence, and a token revoked
 * by a logout stays revoked.
 */
class RestartIT {

    @TempDir
    Path dataDir;

    @Test
    void everythingSurvivesARestart() {
        User user;
        long kept;
        long deleted;
        JsonNode before;
        V1User loggedOut;
        try (RunningApp app = RunningApp.start(dataDir)) {
            ApiClient client = app.client();
            loggedOut = V1Users.register(client, "revoked");
            assertThat(client.post("/v1/auth/logout", loggedOut.token(), null).status()).isEqualTo(200);
            user = Users.register(client, "restart");
            kept = client.post("/api/v1/tasks", user.token(), Map.of("title", "Keep me", "priority", "high"))
                    .json().get("id").asLong();
            client.put("/api/v1/tasks/" + kept, user.token(), Map.of("status", "completed"));
            deleted = client.post("/api/v1/tasks", user.token(), Map.of("title", "Delete me")).json().get("id")
                    .asLong();
            client.delete("/api/v1/tasks/" + deleted, user.token());
            before = client.get("/api/v1/tasks", user.token()).json();
        }

        try (RunningApp app = RunningApp.start(dataDir)) {
            ApiClient client = app.client();
            assertThat(client.get("/api/v1/tasks", user.token()).json())
                    .as("the token signed before the restart is still valid, and the tasks are the same")
                    .isEqualTo(before);
            assertThat(client.get("/api/v1/tasks/" + kept, user.token()).json().get("status").asText())
                    .isEqualTo("completed");
            assertThat(client.get("/api/v1/tasks/" + deleted, user.token()).status()).isEqualTo(404);
            assertThat(Users.login(client, user.username(), Users.PASSWORD)).isNotBlank();
            assertThat(client.get("/v1/auth/me", loggedOut.token()).status())
                    .as("a revocation survives the restart").isEqualTo(401);
            String fresh = client.post("/v1/auth/login", null,
                    Map.of("email", loggedOut.email(), "password", V1Users.PASSWORD)).json().at("/data/token").asText();
            assertThat(client.get("/v1/auth/me", fresh).status()).isEqualTo(200);

            long next = client.post("/api/v1/tasks", user.token(), Map.of("title", "After restart")).json()
                    .get("id").asLong();
            assertThat(next).isGreaterThan(deleted);
            assertThat(client.put("/api/v1/tasks/" + kept, user.token(), Map.of("status", "pending")).status())
                    .as("the aggregate is rebuilt from the stored events").isEqualTo(200);
        }
    }
}
