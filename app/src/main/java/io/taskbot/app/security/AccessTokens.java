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
import java.util.List;
import java.util.UUID;

/** Issues the access tokens every contract accepts. */
@Component
public class AccessTokens {

    static final String ROLES_CLAIM = "roles";
    static final String ADMIN_ROLE = "admin";

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
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.jwt().issuer())
                .subject(Long.toString(account.id().value()))
                .id(tokenId)
                .issuedAt(now)
                .expiresAt(expiresAt);
        if (properties.isAdmin(account.email())) {
            claims.claim(ROLES_CLAIM, List.of(ADMIN_ROLE));
        }
        String value = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return new IssuedToken(value, tokenId, expiresAt);
    }
}
