package io.taskbot.app.security;

import io.taskbot.app.account.Account;
import io.taskbot.app.config.TaskbotProperties;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues the access tokens every contract accepts. A token names its user and nothing about the user's rights: those
 * are looked up on every request, so that removing an admin from the settings takes effect for tokens already out.
 */
@Component
public class AccessTokens {

    private final JwtEncoder encoder;
    private final TaskbotProperties properties;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, TaskbotProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    public record IssuedToken(String value, String id, Instant expiresAt) {
    }

    public IssuedToken issue(Account account) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.jwt().ttl());
        String tokenId = UUID.randomUUID().toString();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.jwt().issuer())
                .subject(Long.toString(account.id().value()))
                .id(tokenId)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .build();
        String value = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(value, tokenId, expiresAt);
    }
}
