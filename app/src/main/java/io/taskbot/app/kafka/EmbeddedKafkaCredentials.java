package io.taskbot.app.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.security.plain.PlainLoginModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The one account of the embedded broker. Its listeners take only SASL/PLAIN logins with this account, so a process
 * of the same machine that cannot read the data dir can neither read the task events nor publish forged ones. The
 * password is generated on first start and kept in {@value #PASSWORD_FILE} under the data dir, readable by its owner
 * only, like the JWT key; the user name is always {@value #USERNAME}.
 * <p>
 * PLAIN rather than SCRAM: the broker checks PLAIN logins against its own configuration, so the account works on a
 * log dir formatted before it existed, while SCRAM credentials live in the cluster metadata and would have to be
 * written by a client that already has one. The password crosses the loopback interface only.
 */
public final class EmbeddedKafkaCredentials {

    public static final String USERNAME = "taskbot";
    public static final String PASSWORD_FILE = "kafka-password";
    public static final String MECHANISM = "PLAIN";

    private static final int PASSWORD_BYTES = 32;

    private final Path file;
    private final String password;

    private EmbeddedKafkaCredentials(Path file, String password) {
        this.file = file;
        this.password = password;
    }

    /** The credentials kept in the data dir, generated now if there are none yet. */
    static EmbeddedKafkaCredentials loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                return read(dataDir);
            }
            Files.createDirectories(dataDir);
            byte[] random = new byte[PASSWORD_BYTES];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // created readable by the owner only, so the password is never in a file others could open
            Path written = Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    Set.copyOf(PosixFilePermissions.fromString("rw-------"))));
            Files.writeString(written, password);
            return new EmbeddedKafkaCredentials(file, password);
        } catch (UnsupportedOperationException notPosix) {
            throw new IllegalStateException("The data dir " + dataDir + " must be on a POSIX file system, so that "
                    + "the embedded Kafka password can be kept readable by its owner only", notPosix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the embedded Kafka password in " + file, e);
        }
    }

    /** The credentials an application started with {@code dataDir} uses, for a client on the same machine. */
    public static EmbeddedKafkaCredentials read(Path dataDir) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            return new EmbeddedKafkaCredentials(file, Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedded Kafka password in " + file, e);
        }
    }

    /** Where the password is kept. */
    public Path file() {
        return file;
    }

    /** What a Kafka client (producer, consumer, admin) needs to log in to the embedded broker. */
    public Map<String, Object> clientProperties() {
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name,
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaas(""));
    }

    /** The broker's side of a listener: it logs in as the account itself and accepts only that account. */
    String brokerJaasConfig() {
        return jaas(" user_" + USERNAME + "=" + quoted(password));
    }

    private String jaas(String more) {
        return PlainLoginModule.class.getName() + " required username=" + quoted(USERNAME)
                + " password=" + quoted(password) + more + ";";
    }

    /** The password is base64url text, so it never needs escaping inside the JAAS quotes. */
    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaCredentials[username=" + USERNAME + ", password=(in " + file + ")]";
    }
}
