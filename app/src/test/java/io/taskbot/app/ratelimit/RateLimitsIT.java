package io.taskbot.app.ratelimit;

import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.ClientAddresses;
import io.taskbot.app.support.Databases;
import io.taskbot.app.support.ManualTimeMeter;
import io.taskbot.app.support.RateLimitedApp;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.V1Users;
import io.taskbot.app.support.V1Users.V1User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every contract's limits with their default values, over HTTP, on the embedded store or (with
 * {@code taskbot.it.postgres-url}) on PostgreSQL. Time moves only when a test moves the clock. The app trusts the
 * loopback proxy, so each test can be a client of its own through {@code X-Forwarded-For}.
 */
@RateLimitedApp
class RateLimitsIT {

    private static final String LIMIT = "X-RateLimit-Limit";
    private static final String REMAINING = "X-RateLimit-Remaining";

    static ManualTimeMeter clock;
    static RunningApp app;
    static ApiClient client;

    @BeforeAll
    static void connect(RunningApp running) {
        app = running;
        clock = app.bean(ManualTimeMeter.class);
        client = app.client();
    }

    /** A client behind the trusted proxy with an address no other test uses. */
    private static ApiClient fromNewAddress() {
        return ClientAddresses.fresh(client);
    }

    private static Response login(ApiClient from, String email, String password) {
        return from.post("/v1/auth/login", null, Map.of("email", email, "password", password));
    }

    /**
     * {@code count} requests from eight clients at once, answered in any order: the limits must count every one of
     * them exactly once however they interleave, and the suite spends less time on a thousand round trips.
     */
    private static List<Response> concurrently(int count, IntFunction<Response> request) {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = IntStream.range(0, count)
                    .mapToObj(i -> clients.submit(() -> request.apply(i)))
                    .toList();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            clients.shutdownNow();
        }
    }

    /** limit - 1, limit - 2, ..., 0: the remaining allowance each of {@code limit} requests was told. */
    private static List<Long> countdown(long limit) {
        return LongStream.range(0, limit).boxed().toList();
    }

    private static void assertAllowed(Response response, long limit, long remaining) {
        assertThat(response.status()).as(response.body()).isNotEqualTo(429);
        assertThat(response.header(LIMIT)).isEqualTo(Long.toString(limit));
        assertThat(response.header(REMAINING)).isEqualTo(Long.toString(remaining));
    }

    private static long assertRefused(Response response, long limit) {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(response.header(LIMIT)).isEqualTo(Long.toString(limit));
        assertThat(response.header(REMAINING)).isEqualTo("0");
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertThat(retryAfter).isPositive();
        return retryAfter;
    }

    private static void assertV1Format(Response response) {
        assertThat(response.json().get("success").asBoolean(true)).isFalse();
        assertThat(response.json().at("/error/code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(response.json().at("/error/message").asText()).isNotBlank();
    }

    @Test
    void contract004AuthTakesFiveRequestsPerFifteenMinutesFromOneAddress() {
        ApiClient from = fromNewAddress();
        V1User user = V1Users.register(from, "auth");
        for (int remaining = 3; remaining >= 0; remaining--) {
            assertAllowed(login(from, user.email(), V1Users.PASSWORD), 5, remaining);
        }

        Response refused = login(from, user.email(), V1Users.PASSWORD);
        assertThat(assertRefused(refused, 5)).isEqualTo(900);
        assertV1Format(refused);
        assertRefused(login(from, user.email(), "Wrong-passw0rd"), 5);
        assertRefused(from.post("/v1/auth/register", null, Map.of("email", "new-" + user.email(),
                "password", V1Users.PASSWORD)), 5);

        assertThat(login(fromNewAddress(), user.email(), V1Users.PASSWORD).status())
                .as("another address has its own allowance").isEqualTo(200);
        assertThat(from.get("/v1/auth/me", user.token()).status())
                .as("me needs a token and is not an auth endpoint").isEqualTo(200);

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(assertRefused(login(from, user.email(), V1Users.PASSWORD), 5)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertAllowed(login(from, user.email(), V1Users.PASSWORD), 5, 4);
    }

    @Test
    void contract004TasksTakeOneHundredRequestsPerHourFromOneUser() {
        V1User user = V1Users.register(fromNewAddress(), "tasks");
        V1User other = V1Users.register(fromNewAddress(), "other");
        ApiClient from = fromNewAddress();
        for (int i = 1; i <= 100; i++) {
            Response response = i % 10 == 0
                    ? from.post("/v1/tasks", user.token(), Map.of("title", "task " + i))
                    : from.get("/v1/tasks", user.token());
            assertAllowed(response, 100, 100 - i);
        }

        Response refused = fromNewAddress().get("/v1/tasks", user.token());
        assertThat(assertRefused(refused, 100)).isBetween(1L, 3600L);
        assertV1Format(refused);
        assertRefused(from.get("/v1/tasks/1", user.token()), 100);
        assertRefused(from.patch("/v1/tasks/1/complete", user.token(), Map.of("completed", true)), 100);

        assertAllowed(from.get("/v1/tasks", other.token()), 100, 99);
        assertAllowed(from.get("/v1/auth/me", user.token()), 1000, 999);

        clock.advance(Duration.ofHours(1));
        assertAllowed(from.get("/v1/tasks", user.token()), 100, 99);
    }

    @Test
    void contract004OtherEndpointsTakeOneThousandRequestsPerHourFromOneUser() {
        V1User user = V1Users.register(fromNewAddress(), "other-endpoints");
        ApiClient from = fromNewAddress();
        List<Response> allowed = concurrently(1000, i -> from.get("/v1/auth/me", user.token()));
        assertThat(allowed).extracting(Response::status).containsOnly(200);
        assertThat(allowed).extracting(response -> Long.parseLong(response.header(REMAINING)))
                .as("each request took one of the thousand").containsExactlyInAnyOrderElementsOf(countdown(1000));

        Response refused = from.get("/v1/auth/me", user.token());
        assertThat(assertRefused(refused, 1000)).isBetween(1L, 3600L);
        assertV1Format(refused);
        assertRefused(from.post("/v1/auth/logout", user.token(), null), 1000);
        assertAllowed(from.get("/v1/tasks", user.token()), 100, 99);

        clock.advance(Duration.ofHours(1));
        assertAllowed(from.get("/v1/auth/me", user.token()), 1000, 999);
    }

    @Test
    void contract000TakesOneHundredRequestsPerMinuteFromOneAddress() {
        ApiClient from = fromNewAddress();
        Users.User user = Users.register(from, "api");
        for (int i = 3; i <= 100; i++) {
            Response response = i % 2 == 0 ? from.get("/api/v1/tasks", user.token()) : from.get("/api/v1/health", null);
            assertAllowed(response, 100, 100 - i);
        }

        Response refused = from.get("/api/v1/tasks", user.token());
        assertThat(assertRefused(refused, 100)).isBetween(1L, 60L);
        assertThat(refused.json().get("detail").asText()).containsIgnoringCase("rate limit");
        assertThat(refused.json().size()).isEqualTo(1);
        assertRefused(from.get("/api/v1/health", null), 100);
        assertRefused(from.post("/api/v1/auth/login", null, Map.of("username", user.username(),
                "password", Users.PASSWORD)), 100);

        assertAllowed(fromNewAddress().get("/api/v1/tasks", user.token()), 100, 99);

        clock.advance(Duration.ofMinutes(1));
        assertAllowed(from.get("/api/v1/tasks", user.token()), 100, 99);
    }

    @Test
    void contract003TakesSixtyRequestsPerMinuteFromOneAddress() {
        ApiClient from = fromNewAddress();
        for (int i = 1; i <= 60; i++) {
            Response anonymous = from.post("/api/chat", null, Map.of("message", "hi"));
            assertThat(anonymous.status()).as("refused by security, but counted").isEqualTo(401);
            assertAllowed(anonymous, 60, 60 - i);
        }

        Response refused = from.post("/api/chat", null, Map.of("message", "hi"));
        assertThat(assertRefused(refused, 60)).isBetween(1L, 60L);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(refused.json().has("success")).isFalse();

        clock.advance(Duration.ofMinutes(1));
        assertThat(from.post("/api/chat", null, Map.of("message", "hi")).status()).isEqualTo(401);
    }

    @Test
    void contract003TakesOneThousandRequestsPerHourFromOneUser() {
        V1User user = V1Users.register(fromNewAddress(), "chat");
        V1User other = V1Users.register(fromNewAddress(), "chat-other");
        // fifty from each address, well inside the per-address limit, so the per-user one is what runs out
        List<ApiClient> addresses = Stream.generate(RateLimitsIT::fromNewAddress).limit(20).toList();
        // a refused message counts like any other request, and costs no chat turn: 1000 turns would take minutes
        List<Response> counted = concurrently(1000, i -> addresses.get(i / 50)
                .post("/api/chat", user.token(), Map.of("message", "")));
        assertThat(counted).extracting(Response::status).containsOnly(400);
        ApiClient from = addresses.get(addresses.size() - 1);
        assertThat(from.post("/api/chat", other.token(), Map.of("message", "hi")).header(REMAINING))
                .as("the tightest limit is shown: this address has 9 requests left this minute").isEqualTo("9");

        Response refused = fromNewAddress().post("/api/chat", user.token(), Map.of("message", "one more"));
        assertThat(assertRefused(refused, 1000)).isBetween(1L, 3600L);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");

        clock.advance(Duration.ofHours(1));
        assertThat(fromNewAddress().post("/api/chat", user.token(), Map.of("message", "later")).status())
                .isNotEqualTo(429);
    }

    @Test
    void theMcpServerTakesOneThousandRequestsPerHourFromOneUser() {
        V1User user = V1Users.register(fromNewAddress(), "mcp");
        V1User other = V1Users.register(fromNewAddress(), "mcp-other");
        for (int i = 1; i <= 1000; i++) {
            // a GET without a session is refused by the MCP transport itself: it counts, and costs no tool call
            Response response = client.get("/mcp", user.token());
            assertThat(response.status()).as(response.body()).isEqualTo(400);
        }
        assertAllowed(client.get("/mcp", other.token()), 1000, 999);

        Response refused = client.get("/mcp", user.token());
        assertThat(assertRefused(refused, 1000)).isBetween(1L, 3600L);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("RATE_LIMITED");

        clock.advance(Duration.ofHours(1));
        assertThat(client.get("/mcp", user.token()).status()).isEqualTo(400);
    }

    @Test
    void forwardedForIsNotBelievedUnlessTheProxyIsTrusted(@TempDir Path otherDataDir) {
        Map<String, String> otherDatabase = Databases.freshEventStore();
        try (RunningApp plain = RunningApp.start(otherDataDir, otherDatabase, new ManualTimeMeter())) {
            for (int i = 0; i < 5; i++) {
                ApiClient spoofing = plain.client().withHeader("X-Forwarded-For", "203.0.113." + (i + 1));
                assertAllowed(login(spoofing, "nobody@example.com", "Wrong-passw0rd"), 5, 4 - i);
            }
            ApiClient spoofing = plain.client().withHeader("X-Forwarded-For", "203.0.113.99");
            assertRefused(login(spoofing, "nobody@example.com", "Wrong-passw0rd"), 5);
        } finally {
            Databases.drop(otherDatabase);
        }
    }
}
