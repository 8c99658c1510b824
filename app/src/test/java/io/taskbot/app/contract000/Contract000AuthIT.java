package io.taskbot.app.contract000;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.taskbot.app.support.Admins;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration, login and token checks of contract 000, and what Actuator shows to whom. */
@TaskbotApp
class Contract000AuthIT {

    static RunningApp app;
    static ApiClient client;

    @BeforeAll
    static void connect(RunningApp running) {
        app = running;
        client = app.client();
    }

    private static Response register(String email, String username, String password) {
        return client.post("/api/v1/auth/register", null,
                Map.of("email", email, "username", username, "password", password));
    }

    private static void assertUnauthorized(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.json().get("detail").asText()).isNotBlank();
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void registersAndLogsInByUsernameOrEmail() {
        Response registered = register("Carol@Example.com", "carol", "s3cret-pass");

        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.json().get("id").isIntegralNumber()).isTrue();
        assertThat(registered.json().get("email").asText()).isEqualTo("carol@example.com");
        assertThat(registered.json().get("username").asText()).isEqualTo("carol");
        assertThat(registered.body()).doesNotContain("s3cret-pass").doesNotContain("password");

        Response byName = client.post("/api/v1/auth/login", null, Map.of("username", "carol", "password", "s3cret-pass"));
        assertThat(byName.status()).isEqualTo(200);
        assertThat(byName.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(byName.json().get("access_token").asText()).isNotBlank();
        Response byEmail = client.post("/api/v1/auth/login", null,
                Map.of("username", "CAROL@example.com", "password", "s3cret-pass"));
        assertThat(byEmail.status()).isEqualTo(200);
        assertThat(client.get("/api/v1/tasks", byEmail.json().get("access_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void issuesTokensWithTheExpectedClaims() throws Exception {
        User user = Users.register(client, "claims");
        JWTClaimsSet claims = SignedJWT.parse(user.token()).getJWTClaimsSet();

        assertThat(SignedJWT.parse(user.token()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(claims.getSubject()).isEqualTo(Long.toString(user.id()));
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getIssuer()).isEqualTo("taskbot");
        assertThat(claims.getExpirationTime().toInstant().getEpochSecond()
                - claims.getIssueTime().toInstant().getEpochSecond()).isEqualTo(3600);
    }

    @Test
    void refusesDuplicates() {
        assertThat(register("dave@example.com", "dave", "passw0rd!").status()).isEqualTo(200);

        for (Response duplicate : List.of(register("dave@example.com", "dave2", "passw0rd!"),
                register("DAVE@example.com", "dave3", "passw0rd!"),
                register("other@example.com", "Dave", "passw0rd!"))) {
            assertThat(duplicate.status()).isEqualTo(400);
            assertThat(duplicate.json().get("detail").asText()).isEqualTo("Username or email already registered");
        }
    }

    @Test
    void enforcesThePasswordPolicyNamingTheRule() {
        Map<String, String> cases = Map.of(
                "short1", "at least 8",
                "onlyletters", "digit",
                "1234567890", "letter",
                "a1".repeat(65), "at most 128");
        cases.forEach((password, rule) -> {
            Response response = register("p" + UUID.randomUUID() + "@example.com", "u" + System.nanoTime(), password);
            assertThat(response.status()).as(password).isEqualTo(400);
            assertThat(response.json().get("detail").asText()).contains(rule);
        });
    }

    @Test
    void aLongPasswordIsFullySignificant() {
        String longPassword = "a1".repeat(60) + "xy";
        assertThat(register("long@example.com", "longpass", longPassword).status()).isEqualTo(200);

        assertThat(client.post("/api/v1/auth/login", null,
                Map.of("username", "longpass", "password", "a1".repeat(60) + "xz")).status()).isEqualTo(401);
        assertThat(client.post("/api/v1/auth/login", null,
                Map.of("username", "longpass", "password", longPassword)).status()).isEqualTo(200);
    }

    @Test
    void refusesInvalidRegistrations() {
        assertThat(register("not-an-email", "eve", "passw0rd!").status()).isEqualTo(400);
        assertThat(register("eve@example.com", "e", "passw0rd!").json().get("detail").asText()).contains("Username");
        assertThat(client.post("/api/v1/auth/register", null, Map.of("email", "x@example.com", "password", "passw0rd!"))
                .json().get("detail").asText()).contains("username");
        assertThat(client.post("/api/v1/auth/register", null, "{oops").status()).isEqualTo(400);
    }

    @Test
    void wrongCredentialsAre401() {
        Users.register(client, "frank");
        for (Map<String, String> body : List.of(
                Map.of("username", "frank-nobody", "password", "whatever1"),
                Map.of("username", "nobody", "password", "whatever1"))) {
            Response response = client.post("/api/v1/auth/login", null, body);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("detail").asText()).isEqualTo("Incorrect username or password");
        }
    }

    @Test
    void everyTaskEndpointNeedsAToken() {
        assertUnauthorized(client.get("/api/v1/tasks", null));
        assertUnauthorized(client.post("/api/v1/tasks", null, Map.of("title", "x")));
        assertUnauthorized(client.put("/api/v1/tasks/1", null, Map.of("title", "x")));
        assertUnauthorized(client.delete("/api/v1/tasks/1", null));
    }

    @Test
    void refusesForgedAndMisplacedTokens() throws Exception {
        User user = Users.register(client, "grace");
        String[] parts = user.token().split("\\.");
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);

        String algNone = encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        String otherSubject = payload.replace("\"sub\":\"" + user.id() + "\"", "\"sub\":\"" + (user.id() + 1000) + "\"");
        assertThat(otherSubject).isNotEqualTo(payload);
        String tampered = parts[0] + "." + encoder.encodeToString(otherSubject.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        String wrongKey = sign(user.id(), "another-key-another-key-another-key!".getBytes(StandardCharsets.UTF_8),
                Instant.now().plusSeconds(600), "taskbot");

        for (String forged : List.of(algNone, tampered, wrongKey, "garbage", user.token() + "x")) {
            assertUnauthorized(client.get("/api/v1/tasks", forged));
        }
        assertUnauthorized(client.get("/api/v1/tasks?access_token=" + user.token(), null));
        assertUnauthorized(client.withHeaders("GET", "/api/v1/tasks", Map.of("Authorization", user.token())));
        assertUnauthorized(client.withHeaders("GET", "/api/v1/tasks",
                Map.of("Authorization", "Basic " + user.token())));
    }

    @Test
    void refusesExpiredAndForeignIssuerTokensSignedWithTheRealKey() throws Exception {
        User user = Users.register(client, "heidi");
        byte[] key = Base64.getDecoder().decode(Files.readString(app.dataDir().resolve("jwt-secret")).strip());

        assertThat(client.get("/api/v1/tasks", sign(user.id(), key, Instant.now().plusSeconds(600), "taskbot"))
                .status()).as("a correctly signed token is accepted").isEqualTo(200);
        assertUnauthorized(client.get("/api/v1/tasks", sign(user.id(), key, Instant.now().minusSeconds(600), "taskbot")));
        assertUnauthorized(client.get("/api/v1/tasks", sign(user.id(), key, Instant.now().plusSeconds(600), "evil")));
    }

    @Test
    void refusesATokenSecondsAfterItExpired() throws Exception {
        User user = Users.register(client, "judy");
        byte[] key = Base64.getDecoder().decode(Files.readString(app.dataDir().resolve("jwt-secret")).strip());

        // the validator's default clock skew took tokens for a whole minute past exp; taskbot.jwt.clock-skew is 5 s
        assertUnauthorized(client.get("/api/v1/tasks", sign(user.id(), key, Instant.now().minusSeconds(15), "taskbot")));
    }

    private static String sign(long subject, byte[] key, Instant expiresAt, String issuer) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject(Long.toString(subject))
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer)
                .issueTime(Date.from(Instant.now().minusSeconds(1200)))
                .expirationTime(Date.from(expiresAt))
                .build());
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    @Test
    void healthNeedsNoToken() {
        Response health = client.get("/api/v1/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("healthy");
        assertThat(Instant.parse(health.json().get("timestamp").asText())).isNotNull();
    }

    @Test
    void actuatorShowsOnlyWhatItShould() {
        String admin = Admins.login(client);
        User user = Users.register(client, "ivan");

        Response anonymousHealth = client.get("/actuator/health", null);
        assertThat(anonymousHealth.status()).isEqualTo(200);
        assertThat(anonymousHealth.json().has("components")).isFalse();
        assertThat(client.get("/actuator/health", admin).json().has("components")).isTrue();
        assertThat(client.get("/actuator/info", null).status()).isEqualTo(200);

        assertThat(client.get("/actuator/prometheus", user.token()).status()).isEqualTo(403);
        assertThat(client.get("/actuator/metrics", null).status()).isEqualTo(401);
        assertThat(client.get("/actuator/metrics", admin).status()).isEqualTo(200);
        ApiClient.Response scrape = client.withHeaders("GET", "/actuator/prometheus",
                Map.of("Authorization", "Bearer " + admin));
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        for (String hidden : List.of("env", "beans", "configprops", "heapdump", "threaddump", "loggers", "mappings")) {
            assertThat(client.get("/actuator/" + hidden, admin).status()).as(hidden).isEqualTo(404);
        }
    }
}
