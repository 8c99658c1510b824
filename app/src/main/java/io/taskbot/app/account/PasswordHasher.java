package io.taskbot.app.account;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * BCrypt over a SHA-256 digest of the password. BCrypt only reads 72 bytes, and Spring's encoder refuses longer
 * input, while the policy allows 128 characters (up to 512 bytes): the digest keeps every character significant.
 */
final class PasswordHasher {

    private final BCryptPasswordEncoder bcrypt;
    /** Compared against when the account does not exist, so that a miss costs as long as a wrong password. */
    private final String decoy;

    PasswordHasher(int strength) {
        this.bcrypt = new BCryptPasswordEncoder(strength);
        this.decoy = bcrypt.encode(digest("decoy password 1"));
    }

    String hash(String password) {
        return bcrypt.encode(digest(password));
    }

    boolean matches(String password, String hash) {
        return bcrypt.matches(digest(password), hash);
    }

    void burnTime(String password) {
        bcrypt.matches(digest(password), decoy);
    }

    private static String digest(String password) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
