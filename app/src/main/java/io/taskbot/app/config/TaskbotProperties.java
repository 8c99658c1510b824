package io.taskbot.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The application's own settings under {@code taskbot.*}; the modules bind theirs themselves (the read models'
 * {@code taskbot.read-models.*} and {@code taskbot.read-your-writes.*}, the publisher's {@code taskbot.kafka.*}, the
 * agent's {@code taskbot.chat.*}). The names are part of the operators' contract (the README's configuration table);
 * each default is declared here and nowhere else, and a value that breaks a constraint stops the start-up with a
 * message that names the property.
 *
 * @param dataDir        where every embedded store keeps its files
 * @param mongodb        the read-model database; embedded when no URI is set
 * @param jwt            how access tokens are signed and how long they live
 * @param admins         e-mail addresses of the accounts that may use admin endpoints and see health details; nobody
 *                       can sign up with them
 * @param adminPassword  the password the accounts of {@code admins} are created or reset with at start; unset:
 *                       no admin account is created or changed
 * @param rateLimits     how many requests each contract takes from one client, see the README's "Rate limits" section
 * @param kafka          the broker of the zero-setup run
 * @param web            limits of the HTTP layer
 * @param processing     how the streaming processors share their work among nodes
 * @param commands       how commands are sent
 * @param cors           which browser origins besides the app's own may call the APIs
 */
@Validated
@ConfigurationProperties("taskbot")
public record TaskbotProperties(
        @NotNull @DefaultValue(DEFAULT_DATA_DIR) Path dataDir,
        @Valid @DefaultValue Mongodb mongodb,
        @Valid @DefaultValue Jwt jwt,
        @DefaultValue List<String> admins,
        String adminPassword,
        @Valid @DefaultValue RateLimits rateLimits,
        @Valid @DefaultValue Kafka kafka,
        @Valid @DefaultValue Web web,
        @Valid @DefaultValue Processing processing,
        @Valid @DefaultValue Commands commands,
        @Valid @DefaultValue Cors cors) {

    /** Also read before binding, to place the embedded event store (EmbeddedDefaultsEnvironmentPostProcessor). */
    public static final String DEFAULT_DATA_DIR = "./data";

    private static final String POSITIVE = "must be a positive duration";

    /**
     * @param uri               a MongoDB connection string; unset starts the in-process server under the data dir
     * @param database          the database that holds the read models and accounts
     * @param clientCertificate with {@code uri}: a PEM file with the key and certificate this node presents over TLS,
     *                          the certificate also being the only server certificate it trusts; that is how further
     *                          nodes reach the embedded read store of a first node ({@code <data-dir>/mongo-tls.pem})
     */
    public record Mongodb(String uri, @NotBlank @DefaultValue("taskbot") String database, Path clientCertificate) {

        public boolean embedded() {
            return uri == null || uri.isBlank();
        }
    }

    /**
     * @param secret HMAC-SHA256 key (at least 32 bytes); unset: generated once and kept in the data dir
     * @param ttl    lifetime of an access token
     * @param issuer the {@code iss} claim of issued tokens, checked on every request
     * @param clockSkew how far past {@code exp} (or before {@code iat}) a token is still accepted, for clocks of
     *                  nodes that differ a little
     */
    public record Jwt(String secret,
                      @NotNull @DurationMin(nanos = 1, message = POSITIVE) @DefaultValue("1h") Duration ttl,
                      @NotBlank @DefaultValue("taskbot") String issuer,
                      @NotNull @DurationMin(nanos = 0) @DefaultValue("5s") Duration clockSkew) {
    }

    /**
     * The request limits of the three contracts, with the defaults the contracts state. Each limit is written
     * {@code <requests>/<period>}, e.g. {@code 5/15m}.
     *
     * @param enabled        false switches every limit off (load tests, trusted networks)
     * @param trustedProxies addresses or CIDR ranges of the reverse proxies whose {@code X-Forwarded-For} is
     *                       believed; empty: the client is always the socket's peer
     * @param v1Auth         contract 004 register and login, per client address
     * @param v1Tasks        contract 004 {@code /v1/tasks}, per user
     * @param v1Other        every other contract 004 endpoint, per user
     * @param apiV1          all of contract 000 ({@code /api/v1}), per client address
     * @param chatPerAddress contract 003 ({@code /api/chat}), per client address
     * @param chatPerUser    contract 003 ({@code /api/chat}), per user
     * @param mcpPerUser     the MCP server ({@code /mcp}), per user: each JSON-RPC message is one request
     * @param failedLogins   failed logins per account, through every contract and on every node together
     */
    public record RateLimits(
            @DefaultValue("true") boolean enabled,
            @DefaultValue List<String> trustedProxies,
            @NotNull @DefaultValue("5/15m") Limit v1Auth,
            @NotNull @DefaultValue("100/1h") Limit v1Tasks,
            @NotNull @DefaultValue("1000/1h") Limit v1Other,
            @NotNull @DefaultValue("100/1m") Limit apiV1,
            @NotNull @DefaultValue("60/1m") Limit chatPerAddress,
            @NotNull @DefaultValue("1000/1h") Limit chatPerUser,
            @NotNull @DefaultValue("1000/1h") Limit mcpPerUser,
            @NotNull @DefaultValue("5/15m") Limit failedLogins) {
    }

    /** At most {@code requests} in each {@code period}. */
    public record Limit(long requests, Duration period) {

        public Limit {
            if (requests < 1) {
                throw new IllegalArgumentException("a limit allows at least one request, got " + requests);
            }
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a limit needs a positive period, got " + period);
            }
        }

        /** Parses {@code <requests>/<period>}, the period as Spring reads durations ({@code 15m}, {@code PT1H}). */
        public static Limit valueOf(String text) {
            int slash = text == null ? -1 : text.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("a limit is written <requests>/<period>, e.g. 5/15m; got " + text);
            }
            return new Limit(Long.parseLong(text.substring(0, slash).strip()),
                    DurationStyle.detectAndParse(text.substring(slash + 1).strip()));
        }

        @Override
        public String toString() {
            return requests + "/" + period;
        }
    }

    /**
     * The broker connection itself is configured with the usual {@code spring.kafka.*} properties; an unset
     * {@code spring.kafka.bootstrap-servers} starts the embedded broker. The topic and how events are published are
     * the query side's {@code taskbot.kafka.*} settings.
     *
     * @param embeddedPort where the embedded broker listens on the loopback interface; 0 picks a free port
     */
    public record Kafka(@Min(0) @Max(65535) @DefaultValue("9092") int embeddedPort) {
    }

    /**
     * @param maxBodySize larger request bodies are refused with 413
     * @param bodyTimeout how long a request body may take to arrive before the request is answered 408
     */
    public record Web(@NotNull @DefaultValue("64KB") DataSize maxBodySize,
                      @NotNull @DurationMin(nanos = 1, message = POSITIVE) @DefaultValue("10s") Duration bodyTimeout) {

        public Web {
            if (maxBodySize != null && maxBodySize.toBytes() < 1) {
                throw new IllegalArgumentException("taskbot.web.max-body-size must be positive, got " + maxBodySize);
            }
        }
    }

    /**
     * @param claimTimeout after this long without a word from a node, its processor segments are taken over by others
     */
    public record Processing(
            @NotNull @DurationMin(nanos = 1, message = POSITIVE) @DefaultValue("10s") Duration claimTimeout) {
    }

    /** @param concurrencyRetries retries of a command that lost a race with another writer of the same aggregate */
    public record Commands(@Min(0) @DefaultValue("5") int concurrencyRetries) {
    }

    /**
     * @param allowedOrigins origins such as {@code https://app.example.com} whose pages may call the APIs with a
     *                       bearer token; empty: none but the app's own
     */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }

    public boolean isAdmin(String email) {
        return email != null && admins.stream().anyMatch(admin -> admin.strip().equalsIgnoreCase(email.strip()));
    }

    public Path absoluteDataDir() {
        return dataDir.toAbsolutePath().normalize();
    }

}
