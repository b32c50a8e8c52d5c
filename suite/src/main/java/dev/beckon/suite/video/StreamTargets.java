package dev.beckon.suite.video;

import dev.beckon.video.library.VideoLink;
import dev.beckon.video.storage.StorageKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What a token's {@code video.mp4} streams, remembered for a few seconds: a seeking browser sends many range
 * requests per second for the same link, and each would otherwise cost three database reads and a file stat. Only
 * playable answers are kept (a video still transcoding is looked up again). The caller still checks the link's
 * expiry on every request; revocation and erasure on this instance {@link #forgetAll forget} everything at once,
 * another instance serves a revoked link for at most {@link #TTL}. Stored content never changes under its key, so a
 * kept size and validator stay right. Thread-safe; never blocks.
 */
@ApplicationScoped
public class StreamTargets {

    /** How long an answer is kept. */
    static final Duration TTL = Duration.ofSeconds(5);
    /** More links than this at once (an unusual burst) empties the map rather than growing it. */
    static final int MAX_ENTRIES = 10_000;

    /** A link's stream: the link (to check its expiry), the stored file, its size and when it was made. */
    record Target(VideoLink link, StorageKey key, long size, Instant lastModified) {
    }

    private record Kept(Target target, long until) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public StreamTargets() {
        this(System::nanoTime);
    }

    StreamTargets(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The target kept for the token, if still fresh. */
    Optional<Target> find(String token) {
        Kept k = kept.get(token);
        if (k == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - k.until() >= 0) {
            kept.remove(token, k);
            return Optional.empty();
        }
        return Optional.of(k.target());
    }

    void keep(String token, Target target) {
        if (kept.size() >= MAX_ENTRIES) {
            kept.clear();
        }
        kept.put(token, new Kept(target, nanoTime.getAsLong() + TTL.toNanos()));
    }

    /** Forgets every kept target: a link was revoked or a shopper's videos erased. */
    public void forgetAll() {
        kept.clear();
    }
}
