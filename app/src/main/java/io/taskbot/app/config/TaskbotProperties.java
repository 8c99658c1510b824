package io.taskbot.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything under {@code taskbot.*}. The names are part of the operators' contract (see DESIGN.md and the README's
 * configuration table).
 *
 * @param dataDir        where every embedded store keeps its files
 * @param mongodb        the read-model database; embedded when no URI is set
 * @param jwt            how access tokens are signed and how long they live
 * @param admins         e-mail addresses of the accounts that may use admin endpoints and see health details; nobody
 *                       can sign up with them
 * @param adminPassword  the password the accounts of {@code admins} are created or reset with at start; unset:
 *                       no admin account is created or changed
 * @param rateLimits     how many requests each contract takes from one client, see the README's "Rate limits" section
 * @param kafka          where task events are published, and the broker of the zero-setup run
 */
@ConfigurationProperties("taskbot")
public record TaskbotProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Mongodb mongodb,
        @DefaultValue Jwt jwt,
        @DefaultValue List<String> admins,
        String adminPassword,
        @DefaultValue RateLimits rateLimits,
        @DefaultValue Kafka kafka) {

    /**
     * @param uri      a MongoDB connection string; unset starts the in-process server under the data dir
     * @param database the database that holds the read models and accounts
     */
    public record Mongodb(String uri, @DefaultValue("taskbot") String database) {

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
    public record Jwt(String secret, @DefaultValue("1h") Duration ttl, @DefaultValue("taskbot") String issuer,
                      @DefaultValue("5s") Duration clockSkew) {
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
     * @param failedLogins   failed logins per account, through every contract and on every node together
     */
    public record RateLimits(
            @DefaultValue("true") boolean enabled,
            @DefaultValue List<String> trustedProxies,
            @DefaultValue("5/15m") Limit v1Auth,
            @DefaultValue("100/1h") Limit v1Tasks,
            @DefaultValue("1000/1h") Limit v1Other,
            @DefaultValue("100/1m") Limit apiV1,
            @DefaultValue("60/1m") Limit chatPerAddress,
            @DefaultValue("1000/1h") Limit chatPerUser,
            @DefaultValue("5/15m") Limit failedLogins) {
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
     * {@code spring.kafka.bootstrap-servers} starts the embedded broker.
     *
     * @param embeddedPort      where the embedded broker listens on the loopback interface; 0 picks a free port
     * @param topic             the topic every task event is published to
     * @param partitions        partitions of the topic when the publisher creates it; never changed afterwards,
     *                          because adding partitions would move tasks to other partitions and break their order
     * @param replicationFactor replicas of the topic when the publisher creates it; unset takes the broker's default
     * @param source            the CloudEvents {@code source} of every published event
     * @param ackTimeout        the longest a batch of events waits for Kafka's acknowledgements before it is retried;
     *                          a safety net above the producer's own {@code delivery.timeout.ms}
     */
    public record Kafka(
            @DefaultValue("9092") int embeddedPort,
            @DefaultValue("taskbot.task-events") String topic,
            @DefaultValue("3") int partitions,
            Short replicationFactor,
            @DefaultValue("/taskbot") URI source,
            @DefaultValue("30s") Duration ackTimeout) {
    }

    public boolean isAdmin(String email) {
        return email != null && admins.stream().anyMatch(admin -> admin.strip().equalsIgnoreCase(email.strip()));
    }

    public Path absoluteDataDir() {
        return dataDir.toAbsolutePath().normalize();
    }

}
