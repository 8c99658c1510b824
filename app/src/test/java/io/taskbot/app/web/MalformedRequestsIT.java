package io.taskbot.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Tomcat refuses before the application sees them, sent over raw sockets because a well-behaved HTTP
 * client would not send them: they are answered in the contract's JSON with the usual security headers, not with
 * Tomcat's HTML error page.
 */
@TaskbotApp
class MalformedRequestsIT {

    static RunningApp app;

    @BeforeAll
    static void connect(RunningApp running) {
        app = running;
    }

    record RawResponse(int status, String head, JsonNode body) {

        boolean hasHeader(String name, String value) {
            return head.toLowerCase(Locale.ROOT).contains("\r\n" + name.toLowerCase(Locale.ROOT) + ": "
                    + value.toLowerCase(Locale.ROOT) + "\r\n");
        }
    }

    private static RawResponse send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String head = response.substring(0, end + 2);
            String body = response.substring(end + 4);
            return new RawResponse(Integer.parseInt(head.substring(9, 12)), head, new ObjectMapper().readTree(body));
        }
    }

    private static void assertJsonWithSecurityHeaders(RawResponse response) {
        assertThat(response.status()).as(response.head()).isEqualTo(400);
        assertThat(response.head().toLowerCase(Locale.ROOT)).contains("content-type: application/json");
        assertThat(response.hasHeader("X-Content-Type-Options", "nosniff")).as(response.head()).isTrue();
        assertThat(response.hasHeader("X-Frame-Options", "DENY")).as(response.head()).isTrue();
        assertThat(response.hasHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"))
                .as(response.head()).isTrue();
    }

    @Test
    void rawBracketsInAQueryReachTheApplication() throws IOException {
        RawResponse v1 = send("GET /v1/tasks?search[$ne]=x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(v1.status()).as(v1.head()).isEqualTo(401);
        assertThat(v1.hasHeader("X-Content-Type-Options", "nosniff")).as(v1.head()).isTrue();
        assertThat(v1.body().get("success").asBoolean()).isFalse();
        assertThat(v1.body().at("/error/code").asText()).isEqualTo("UNAUTHORIZED");

        RawResponse apiV1 = send("GET /api/v1/tasks?q={|} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(apiV1.status()).as(apiV1.head()).isEqualTo(401);
        assertThat(apiV1.body().get("detail").asText()).isEqualTo("Not authenticated");
    }

    @Test
    void aRequestLineTomcatRefusesIsAnsweredInJson() throws IOException {
        // the path cannot be read from such a line, so the format is the one of paths outside the contracts
        RawResponse refused = send("GET /v1/tasks?q=<script> HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertJsonWithSecurityHeaders(refused);
        assertThat(refused.body().at("/error/code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(refused.body().at("/error/message").asText()).startsWith("Bad request");
    }

    @Test
    void anOversizedHeaderIsRefusedInTheContractsFormat() throws IOException {
        RawResponse chat = send("POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertJsonWithSecurityHeaders(chat);
        assertThat(chat.body().at("/error/code").asText()).isEqualTo("INVALID_REQUEST");
    }
}
