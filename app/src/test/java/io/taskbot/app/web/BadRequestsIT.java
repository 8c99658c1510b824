package io.taskbot.app.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.V1Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A battery of bad requests against all three contracts: malformed JSON, wrong types, huge numbers, unknown ids, bad
 * enums, missing or forged credentials, wrong methods, odd content types, control characters and very long strings.
 * Each must be refused with a 4xx in the format of its contract, never a 5xx, and the log of the request threads must
 * hold no warning, no error and no stack trace: a client's mistake is not the operator's problem.
 */
@TaskbotApp
class BadRequestsIT {

    private static final String JSON = "application/json";
    /** Longer than any field may be, shorter than the 64 KB a body may be. */
    private static final String LONG = "x".repeat(20_000);
    private static final String CONTROL = "\\u0000\\u0007\\u001b[31m\\r\\n";

    static ApiClient client;
    static String token000;
    static String token004;
    static long task000;
    static String task004;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Level responderLevel;

    @BeforeAll
    static void connect(ApiClient api) {
        client = api;
        token000 = Users.register(client, "bad").token();
        token004 = V1Users.register(client, "bad-v1").token();
        task000 = client.post("/api/v1/tasks", token000, java.util.Map.of("title", "mine")).json().get("id").asLong();
        task004 = client.post("/v1/tasks", token004, java.util.Map.of("title", "mine")).json().at("/data/id").asText();
    }

    @BeforeEach
    void captureTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        // the one line a refused request is worth
        Logger responder = (Logger) LoggerFactory.getLogger(ErrorResponder.class);
        responderLevel = responder.getLevel();
        responder.setLevel(Level.DEBUG);
    }

    @AfterEach
    void releaseTheLog() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        ((Logger) LoggerFactory.getLogger(ErrorResponder.class)).setLevel(responderLevel);
    }

    /** @param acceptable whether the request may also succeed (an ignored parameter, an odd but valid title) */
    record Bad(String what, String method, String path, String token, String contentType, String body,
               boolean acceptable) {

        Bad(String what, String method, String path, String token, String contentType, String body) {
            this(what, method, path, token, contentType, body, false);
        }

        Bad orAccepted() {
            return new Bad(what, method, path, token, contentType, body, true);
        }

        @Override
        public String toString() {
            return what + ": " + method + " " + path;
        }
    }

    private static List<Bad> battery() {
        List<Bad> bad = new ArrayList<>();
        for (String[] endpoint : new String[][]{
                {"POST", "/api/v1/tasks", token000}, {"PUT", "/api/v1/tasks/" + task000, token000},
                {"POST", "/api/v1/auth/register", null}, {"POST", "/api/v1/auth/login", null},
                {"POST", "/api/v1/messages", token000}, {"POST", "/api/chat", token000},
                {"POST", "/v1/tasks", token004}, {"PUT", "/v1/tasks/" + task004, token004},
                {"PATCH", "/v1/tasks/" + task004 + "/complete", token004},
                {"POST", "/v1/auth/register", null}, {"POST", "/v1/auth/login", null}}) {
            String method = endpoint[0];
            String path = endpoint[1];
            String token = endpoint[2];
            bad.add(new Bad("truncated JSON", method, path, token, JSON, "{\"title\": "));
            bad.add(new Bad("not JSON", method, path, token, JSON, "title=x"));
            bad.add(new Bad("a JSON array", method, path, token, JSON, "[1, 2]"));
            bad.add(new Bad("JSON null", method, path, token, JSON, "null"));
            bad.add(new Bad("no body", method, path, token, JSON, ""));
            bad.add(new Bad("plain text", method, path, token, "text/plain", "{\"title\": \"x\"}"));
            bad.add(new Bad("XML", method, path, token, "application/xml", "<title>x</title>"));
            bad.add(new Bad("a form without boundary", method, path, token, "multipart/form-data", "--x"));
            bad.add(new Bad("an unknown charset", method, path, token, "application/json; charset=klingon", "{}"));
            bad.add(new Bad("a body over the limit", method, path, token, JSON,
                    "{\"title\": \"" + "y".repeat(100_000) + "\"}"));
        }
        for (String path : new String[]{"/api/v1/tasks", "/v1/tasks"}) {
            String token = path.startsWith("/v1") ? token004 : token000;
            bad.add(new Bad("a number for a title", "POST", path, token, JSON, "{\"title\": 5}"));
            bad.add(new Bad("an array for a title", "POST", path, token, JSON, "{\"title\": [\"x\"]}"));
            bad.add(new Bad("an object for a title", "POST", path, token, JSON, "{\"title\": {\"a\": 1}}"));
            bad.add(new Bad("an empty title", "POST", path, token, JSON, "{\"title\": \"\"}"));
            bad.add(new Bad("a title of control characters", "POST", path, token, JSON,
                    "{\"title\": \"" + CONTROL + "\"}").orAccepted());
            bad.add(new Bad("a very long title", "POST", path, token, JSON, "{\"title\": \"" + LONG + "\"}"));
            bad.add(new Bad("a very long description", "POST", path, token, JSON,
                    "{\"title\": \"x\", \"description\": \"" + LONG + "\"}"));
            bad.add(new Bad("an unknown priority", "POST", path, token, JSON,
                    "{\"title\": \"x\", \"priority\": \"extreme\"}"));
            bad.add(new Bad("a huge number for a priority", "POST", path, token, JSON,
                    "{\"title\": \"x\", \"priority\": 1e999}"));
            bad.add(new Bad("a date that is none", "POST", path, token, JSON,
                    "{\"title\": \"x\", \"due_date\": \"2026-13-45\"}"));
            bad.add(new Bad("a number for a date", "POST", path, token, JSON,
                    "{\"title\": \"x\", \"due_date\": 20261224}"));
            bad.add(new Bad("a string for tags", "POST", path, token, JSON, "{\"title\": \"x\", \"tags\": \"a\"}"));
            bad.add(new Bad("bad tags", "POST", path, token, JSON, "{\"title\": \"x\", \"tags\": [\"a b/c\", 7]}"));
            bad.add(new Bad("a trailing comma", "POST", path, token, JSON, "{\"title\": \"x\",}"));
            bad.add(new Bad("an unknown status filter", "GET", path + "?status=weird", token, null, null).orAccepted());
            bad.add(new Bad("a huge limit", "GET", path + "?limit=99999999999999999999", token, null, null));
            bad.add(new Bad("a negative limit", "GET", path + "?limit=-1", token, null, null));
            bad.add(new Bad("a word for an offset", "GET", path + "?offset=abc&page=abc", token, null, null)
                    .orAccepted());
            bad.add(new Bad("an unknown sort", "GET", path + "?sort=nope", token, null, null).orAccepted());
            bad.add(new Bad("a past instant that is none", "GET", path + "?as_of=yesterday", token, null, null)
                    .orAccepted());
            for (String id : new String[]{"999999999", "99999999999999999999999", "abc", "-1", "task_999999999",
                    "%00"}) {
                bad.add(new Bad("an unknown id", "GET", path + "/" + id, token, null, null));
                bad.add(new Bad("an unknown id", "PUT", path + "/" + id, token, JSON, "{\"title\": \"x\"}"));
                bad.add(new Bad("an unknown id", "DELETE", path + "/" + id, token, null, null));
                bad.add(new Bad("an unknown id's history", "GET", path + "/" + id + "/history", token, null, null));
            }
            bad.add(new Bad("no token", "GET", path, null, null, null));
            bad.add(new Bad("a garbage token", "GET", path, "abc", null, null));
            bad.add(new Bad("a forged token", "GET", path,
                    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwiZXhwIjo5OTk5OTk5OTk5fQ.c2lnbmF0dXJl", null, null));
            bad.add(new Bad("the other contract's token", "GET", path,
                    path.startsWith("/v1") ? token000 + "x" : token004 + "x", null, null));
            bad.add(new Bad("a wrong method", "PATCH", path, token, JSON, "{}"));
            bad.add(new Bad("a wrong method", "POST", path + "/" + (path.startsWith("/v1") ? task004 : task000),
                    token, JSON, "{}"));
        }
        bad.add(new Bad("a completion that is no boolean", "PATCH", "/v1/tasks/" + task004 + "/complete", token004,
                JSON, "{\"completed\": \"yes\"}"));
        bad.add(new Bad("a status that is none", "PUT", "/api/v1/tasks/" + task000, token000, JSON,
                "{\"status\": \"done?\"}"));
        bad.add(new Bad("an empty message", "POST", "/api/chat", token000, JSON, "{\"message\": \"\"}"));
        bad.add(new Bad("a number for a message", "POST", "/api/chat", token000, JSON, "{\"message\": 5}"));
        bad.add(new Bad("a very long message", "POST", "/api/chat", token000, JSON,
                "{\"message\": \"" + LONG + "\"}"));
        bad.add(new Bad("an unknown conversation", "POST", "/api/chat", token000, JSON,
                "{\"message\": \"hi\", \"conversation_id\": \"conv_doesnotexist\"}"));
        bad.add(new Bad("a conversation id of control characters", "POST", "/api/chat", token000, JSON,
                "{\"message\": \"hi\", \"conversation_id\": \"" + CONTROL + "\"}"));
        bad.add(new Bad("no token", "POST", "/api/chat", null, JSON, "{\"message\": \"hi\"}"));
        bad.add(new Bad("a wrong method", "GET", "/api/chat", token000, null, null));
        bad.add(new Bad("a wrong method", "DELETE", "/api/chat", token000, null, null));
        bad.add(new Bad("an empty message", "POST", "/api/v1/messages", token000, JSON, "{\"content\": \"\"}"));
        bad.add(new Bad("a huge history limit", "GET", "/api/v1/messages/history?limit=1e999", token000, null, null));
        bad.add(new Bad("a very long password", "POST", "/api/v1/auth/register", null, JSON,
                "{\"username\": \"u\", \"email\": \"a@example.com\", \"password\": \"" + LONG + "\"}"));
        bad.add(new Bad("a very long e-mail", "POST", "/v1/auth/register", null, JSON,
                "{\"email\": \"" + LONG + "@example.com\", \"password\": \"Secure-Passw0rd\"}"));
        bad.add(new Bad("an e-mail of control characters", "POST", "/v1/auth/login", null, JSON,
                "{\"email\": \"" + CONTROL + "\", \"password\": \"x\"}"));
        bad.add(new Bad("missing fields", "POST", "/api/v1/auth/register", null, JSON, "{}"));
        bad.add(new Bad("missing fields", "POST", "/v1/auth/register", null, JSON, "{}"));
        bad.add(new Bad("a wrong method", "PUT", "/v1/auth/login", null, JSON, "{}"));
        bad.add(new Bad("no token", "GET", "/v1/auth/me", null, null, null));
        bad.add(new Bad("an unknown path", "GET", "/api/v1/nothing", token000, null, null));
        bad.add(new Bad("an unknown path", "GET", "/v1/nothing", token004, null, null));
        return bad;
    }

    @Test
    void everyBadRequestGetsAFourHundredInItsContractsFormatAndNoStackTraceInTheLog() {
        List<Bad> battery = battery();
        List<String> wrong = new ArrayList<>();
        for (Bad bad : battery) {
            Response response = send(bad);
            String problem = problem(bad, response);
            if (problem != null) {
                wrong.add(bad + " -> " + response.status() + " " + abbreviate(response.body()) + ": " + problem);
            }
        }
        assertThat(wrong).as("bad requests answered wrongly").isEmpty();
        assertThat(battery).hasSizeGreaterThan(200);

        List<String> noisy = log.list.stream()
                .filter(event -> event.getThreadName().contains("-exec-"))
                .filter(event -> event.getThrowableProxy() != null || event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(event -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : " [" + event.getThrowableProxy().getClassName()
                        + "]"))
                .toList();
        assertThat(noisy).as("warnings, errors and stack traces logged for client mistakes").isEmpty();
        assertThat(log.list).as("one DEBUG line per refused request")
                .anyMatch(event -> event.getLoggerName().equals(ErrorResponder.class.getName()));
    }

    private static Response send(Bad bad) {
        if (bad.body() == null) {
            return bad.method().equals("GET") ? client.get(bad.path(), bad.token())
                    : client.raw(bad.method(), bad.path(), bad.token(), null, "");
        }
        return client.raw(bad.method(), bad.path(), bad.token(), bad.contentType(), bad.body());
    }

    /** What is wrong with the answer, or {@code null} when it is a 4xx in the contract's format. */
    private static String problem(Bad bad, Response response) {
        String path = bad.path();
        if (response.status() >= 500) {
            return "a 5xx";
        }
        if (response.status() < 400) {
            return bad.acceptable() ? null : "not refused";
        }
        JsonNode body;
        try {
            body = response.json();
        } catch (RuntimeException notJson) {
            return "not JSON";
        }
        if (response.body().toLowerCase(Locale.ROOT).contains("exception")) {
            return "names an exception";
        }
        if (path.startsWith("/api/v1")) {
            return body.path("detail").isTextual() ? null : "no detail";
        }
        if (path.startsWith("/api/chat")) {
            return body.at("/error/code").isTextual() && body.at("/error/message").isTextual() ? null
                    : "no error code and message";
        }
        return body.path("success").isBoolean() && !body.get("success").asBoolean()
                && body.at("/error/code").isTextual() && body.at("/error/message").isTextual() ? null
                : "no success=false with error code and message";
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
