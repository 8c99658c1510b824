package io.taskbot.app.ratelimit;

import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.ClientAddresses;
import io.taskbot.app.support.ManualTimeMeter;
import io.taskbot.app.support.RateLimitedApp;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins are limited per account, whichever contract and address they come through: contract 004's limit per
 * address was sidestepped through contract 000's login, which allows 100 a minute. On the embedded store or (with
 * {@code taskbot.it.postgres-url}) on PostgreSQL, where every node shares the buckets.
 */
@RateLimitedApp
class FailedLoginsIT {

    static ManualTimeMeter clock;
    static ApiClient client;

    @BeforeAll
    static void connect(RunningApp app) {
        clock = app.bean(ManualTimeMeter.class);
        client = app.client();
    }

    /** Every attempt from an address of its own: the per-address limits never step in. */
    private static ApiClient fromNewAddress() {
        return ClientAddresses.fresh(client);
    }

    private static Response login000(String login, String password) {
        return fromNewAddress().post("/api/v1/auth/login", null, Map.of("username", login, "password", password));
    }

    private static Response login004(String email, String password) {
        return fromNewAddress().post("/v1/auth/login", null, Map.of("email", email, "password", password));
    }

    @Test
    void fiveFailuresPerAccountInFifteenMinutesAcrossContractsAndAddresses() {
        User user = Users.register(fromNewAddress(), "guessed");
        User bystander = Users.register(fromNewAddress(), "bystander");
        for (int i = 0; i < 2; i++) {
            assertThat(login000(user.username(), "wrong guess " + i).status()).isEqualTo(401);
        }
        // a right password in between counts as no failure
        assertThat(login000(user.username(), Users.PASSWORD).status()).isEqualTo(200);
        assertThat(login004(user.email(), "wrong guess 2").status()).isEqualTo(401);
        assertThat(login000(user.email(), "wrong guess 3").status()).isEqualTo(401);
        assertThat(login004(user.email(), "wrong guess 4").status()).isEqualTo(401);

        // five failures: refused on both contracts, even with the right password, in each contract's format
        Response refused = login000(user.username(), Users.PASSWORD);
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(refused.json().get("detail").asText()).startsWith("Too many failed logins");
        Response v1Refused = login004(user.email(), Users.PASSWORD);
        assertThat(v1Refused.status()).as(v1Refused.body()).isEqualTo(429);
        assertThat(v1Refused.header("Retry-After")).isNotNull();
        assertThat(v1Refused.json().get("success").asBoolean()).isFalse();
        assertThat(v1Refused.json().at("/error/code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");

        // other accounts are not affected, and the account is back once the period is over
        assertThat(login004(bystander.email(), Users.PASSWORD).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(15));
        assertThat(login000(user.username(), Users.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void unknownLoginsAreLimitedAlike() {
        String nobody = "nobody-" + System.nanoTime() + "@example.com";
        for (int i = 0; i < 5; i++) {
            assertThat(login004(nobody, "guess " + i).status()).isEqualTo(401);
        }
        assertThat(login004(nobody, "guess 5").status()).isEqualTo(429);
    }
}
