package io.taskbot.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
 * @param admins         e-mail addresses of the accounts that may use admin endpoints and see health details
 * @param readYourWrites how long a write waits for the read model to show it
 * @param kafka          where task events are published, and the broker of the zero-setup run
 */
@ConfigurationProperties("taskbot")
public record TaskbotProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Mongodb mongodb,
        @DefaultValue Jwt jwt,
        @DefaultValue List<String> admins,
        @DefaultValue ReadYourWrites readYourWrites,
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
     */
    public record Jwt(String secret, @DefaultValue("1h") Duration ttl, @DefaultValue("taskbot") String issuer) {
    }

    /** @param timeout the longest a write waits for its events to reach the read model */
    public record ReadYourWrites(@DefaultValue("5s") Duration timeout) {
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
