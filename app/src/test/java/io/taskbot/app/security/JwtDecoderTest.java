package io.taskbot.app.security;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.taskbot.app.config.TaskbotProperties;
import io.taskbot.app.readmodel.ReadModelDurability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The decoder every contract authenticates through, fed with tokens an attacker could make: each must be refused
 * (the filter chain then answers 401 in the contract's format, see UnauthorizedResponsesTest and the ITs). No Spring
 * context: the decoder is built as the configuration builds it, over an in-memory MongoDB for the revocations.
 */
class JwtDecoderTest {

    private static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long";
    private static final String ISSUER = "taskbot";

    private MongoServer mongo;
    private MongoClient client;
    private RevokedTokens revoked;
    private JwtDecoder decoder;
    private final Instant now = Instant.now();

    @BeforeEach
    void decoder() {
        mongo = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + toString(mongo.bind()));
        revoked = new RevokedTokens(client.getDatabase("taskbot"), ReadModelDurability.JOURNALED, Clock.systemUTC());
        TaskbotProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "taskbot.jwt.secret", SECRET, "taskbot.jwt.issuer", ISSUER)))
                .bindOrCreate("taskbot", TaskbotProperties.class);
        SecretKey key = JwtSecret.load(properties);
        decoder = new SecurityConfiguration().jwtDecoder(key, properties, revoked, (user, issuedAt) -> false);
    }

    private static String toString(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.shutdownNow();
    }

    @Test
    void aTokenSignedWithTheKeyForThisIssuerIsAccepted() throws Exception {
        Jwt jwt = decoder.decode(signed(SECRET, claims -> { }));
        assertThat(jwt.getSubject()).isEqualTo("42");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(ISSUER);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        assertRefused(signed("another-secret-that-is-also-32-bytes-long!", claims -> { }));
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String token = signed(SECRET, claims -> { });
        String[] parts = token.split("\\.");
        String otherClaims = SignedJWT.parse(signed(SECRET, claims -> claims.subject("1"))).getParsedParts()[1]
                .toString();
        assertRefused(parts[0] + "." + otherClaims + "." + parts[2]);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String none = new PlainJWT(claims(claims -> { }).build()).serialize();
        assertThat(none).endsWith(".");
        assertRefused(none);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        assertRefused(signed(SECRET, claims -> claims.issuer("someone-else")));
        assertRefused(signed(SECRET, claims -> claims.issuer(null)));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        // beyond the decoder's allowed clock skew
        assertRefused(signed(SECRET, claims -> claims.expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))));
        assertRefused(signed(SECRET, claims -> claims.expirationTime(null)));
    }

    @Test
    void aTokenWithoutAUserOrIdIsRefused() throws Exception {
        assertRefused(signed(SECRET, claims -> claims.subject(null)));
        assertRefused(signed(SECRET, claims -> claims.subject("admin")));
        assertRefused(signed(SECRET, claims -> claims.subject("0")));
        assertRefused(signed(SECRET, claims -> claims.jwtID(null)));
    }

    @Test
    void aRevokedTokenIsRefusedUntilItWouldHaveExpired() throws Exception {
        String id = UUID.randomUUID().toString();
        String token = signed(SECRET, claims -> claims.jwtID(id));
        assertThat(decoder.decode(token).getId()).isEqualTo(id);

        revoked.revoke(id, now.plus(Duration.ofHours(1)));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class)
                .hasMessageContaining("The token has been revoked");
        // other tokens of the same user are not affected
        assertThat(decoder.decode(signed(SECRET, claims -> { })).getSubject()).isEqualTo("42");
    }

    private void assertRefused(String token) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    private JWTClaimsSet.Builder claims(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("42")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
        change.accept(claims);
        return claims;
    }

    private String signed(String secret, Consumer<JWTClaimsSet.Builder> change) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(change).build());
        jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
