package io.taskbot.app.security;

import io.taskbot.app.config.TaskbotProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The HMAC key tokens are signed with: {@code taskbot.jwt.secret} when set, otherwise a random 256-bit key generated
 * on first start and kept in the data dir (readable by the owner only), so tokens stay valid across restarts.
 */
final class JwtSecret {

    static final int MIN_BYTES = 32;
    static final String FILE_NAME = "jwt-secret";

    private static final Logger log = LoggerFactory.getLogger(JwtSecret.class);

    private JwtSecret() {
    }

    static SecretKey load(TaskbotProperties properties) {
        String configured = properties.jwt().secret();
        byte[] key = configured != null && !configured.isBlank()
                ? configured.getBytes(StandardCharsets.UTF_8)
                : fromDataDir(properties.absoluteDataDir());
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException("taskbot.jwt.secret must be at least " + MIN_BYTES + " bytes (256 bits)");
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private static byte[] fromDataDir(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(dataDir);
            byte[] key = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            restrictToOwner(file);
            log.info("Generated a JWT signing key in {}", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the JWT key in " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        }
    }
}
