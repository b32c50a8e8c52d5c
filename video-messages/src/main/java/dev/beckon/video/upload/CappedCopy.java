package dev.beckon.video.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams an upload to its destination with a byte cap, hashing on the way. Holds one 64 KiB buffer, never the
 * input: the memory used does not depend on the upload's size, so a client cannot exhaust the heap by sending more.
 * Stateless and thread-safe; each call blocks on its streams.
 */
public final class CappedCopy {

    static final int BUFFER_SIZE = 64 * 1024;

    private CappedCopy() {
    }

    /**
     * Copies {@code in} to {@code out} until the end of {@code in}, or until it is known to hold more than
     * {@code cap} bytes. Reads at most {@code cap} bytes plus one buffer, and writes at most {@code cap}
     * bytes. Neither stream is closed.
     *
     * @param cap the most bytes allowed; {@code >= 0}
     * @return {@link CopyOutcome.Copied} with the count and SHA-256, or {@link CopyOutcome.TooLarge}
     * @throws IOException when reading or writing fails (a client abort, a full disk): infrastructure, not input
     */
    public static CopyOutcome copy(InputStream in, OutputStream out, long cap) throws IOException {
        if (cap < 0) {
            throw new IllegalArgumentException("cap must be >= 0: " + cap);
        }
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (n > cap - total) {
                return new CopyOutcome.TooLarge(cap);
            }
            out.write(buffer, 0, n);
            sha256.update(buffer, 0, n);
            total += n;
        }
        return new CopyOutcome.Copied(total, HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
