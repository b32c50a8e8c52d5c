package dev.beckon.suite.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The operator's bearer token, which creates shops. From {@code BECKON_ADMIN_TOKEN}; when that is not set, a
 * random token is generated once, kept in {@code <data dir>/admin-token} (readable by the owner only) and reused
 * on later starts. Compared in constant time. Immutable.
 */
public final class OperatorToken {

    private static final System.Logger LOG = System.getLogger(OperatorToken.class.getName());
    private static final int MIN_LENGTH = 16;

    private final byte[] digest;

    private OperatorToken(String token) {
        this.digest = sha256(token);
    }

    public static OperatorToken resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < MIN_LENGTH) {
                throw new IllegalArgumentException("BECKON_ADMIN_TOKEN must be at least " + MIN_LENGTH
                        + " characters long");
            }
            return new OperatorToken(configured.strip());
        }
        Path file = dataDir.resolve("admin-token");
        try {
            if (Files.exists(file)) {
                return new OperatorToken(Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            Files.createDirectories(dataDir);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = "bk_admin_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot restrict the permissions of {0}", file);
            }
            LOG.log(System.Logger.Level.INFO, "BECKON_ADMIN_TOKEN is not set: generated an operator token in {0}",
                    file);
            return new OperatorToken(token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the operator token in " + file
                    + " (set BECKON_ADMIN_TOKEN, or BECKON_DATA_DIR to a writable folder)", e);
        }
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
