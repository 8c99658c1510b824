package io.taskbot.app.web;

import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe that starved the server: 250 connections send their headers and the start of a body, then stall. Each used
 * to hold a request thread until the socket timed out, and every other request waited for 50 s. Now bodies are read
 * without a thread, so other requests are answered while the stalled ones wait, and those get a 408 at the body
 * deadline. (The HTTP client's own 30 s timeout is the generous deadline; the suite's apps set the body deadline
 * above it.)
 */
@TaskbotApp
class StalledBodiesIT {

    private static final int STALLED = 250;

    @Test
    void stalledBodiesHoldNoThreadAndTimeOutWith408(RunningApp app) throws Exception {
        ApiClient client = app.client();
        User user = Users.register(client, "patient");
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED; i++) {
                Socket socket = new Socket("127.0.0.1", app.port());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + user.token()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"title\":\"")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(socket);
            }

            Response health = client.get("/api/v1/health", null);
            assertThat(health.status()).as(health.body()).isEqualTo(200);
            Response created = client.post("/api/v1/tasks", user.token(), Map.of("title", "answered meanwhile"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(client.get("/api/v1/tasks/" + created.json().get("id").asLong(), user.token()).status())
                    .isEqualTo(200);

            // the stalled requests are answered in contract 000's format once their body deadline passed
            Socket first = stalled.get(0);
            first.setSoTimeout(120_000);
            String answer = readAll(first.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 408").contains("{\"detail\":\"The request body did not arrive");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /** Everything until the server closes the connection, which it does after a 408. */
    private static String readAll(InputStream input) throws IOException {
        return new String(input.readAllBytes(), StandardCharsets.UTF_8);
    }
}
