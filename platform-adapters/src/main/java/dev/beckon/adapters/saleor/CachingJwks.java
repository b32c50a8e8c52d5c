package dev.beckon.adapters.saleor;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Saleor public keys by origin and key id, fetched from a {@link JwksSource} and kept.
 *
 * <ul>
 *   <li>One key set per origin, fetched on first use.</li>
 *   <li>An unknown key id (Saleor rotated its key) refetches the set once; a set older than {@link #MAX_AGE} is
 *       refetched on its next use, so a withdrawn key stops verifying.</li>
 *   <li>Refetches of one origin happen at most once per {@link #MIN_REFETCH_INTERVAL}, whatever the key ids in
 *       forged deliveries; while a refetch is not allowed, the kept set answers (an unknown id stays unknown).
 *       A failed refetch keeps the old set.</li>
 *   <li>At most {@link #MAX_ORIGINS} origins are kept (least recently used go first) and at most
 *       {@link #MAX_KEYS_PER_ORIGIN} RSA signing keys per origin.</li>
 * </ul>
 *
 * <p>The origin must come from configuration (the shop's registered domain), never from a request. Thread-safe;
 * concurrent lookups of one origin share one fetch, which blocks them for at most the source's timeout. Time comes
 * from the injected clock.
 */
public final class CachingJwks {

    public static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    public static final Duration MAX_AGE = Duration.ofHours(12);
    public static final int MAX_ORIGINS = 1024;
    public static final int MAX_KEYS_PER_ORIGIN = 16;

    private static final System.Logger LOG = System.getLogger(CachingJwks.class.getName());

    private final JwksSource source;
    private final Clock clock;
    private final Map<URI, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<URI, Entry> eldest) {
            return size() > MAX_ORIGINS;
        }
    };

    /**
     * @param source where key sets come from; never null
     * @param clock  what "now" is for the refetch interval and the maximum age; never null
     */
    public CachingJwks(JwksSource source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param origin the instance's origin as configured ({@code https://demo.saleor.cloud}); never null
     * @param keyId  the {@code kid} of the JWS header; never null
     * @return never null
     */
    public KeyLookup key(URI origin, String keyId) {
        Entry entry;
        synchronized (entries) {
            entry = entries.computeIfAbsent(origin, o -> new Entry());
        }
        synchronized (entry) {
            Instant now = clock.instant();
            RSAKey kept = entry.find(keyId);
            boolean fresh = entry.fetchedAt != null && Duration.between(entry.fetchedAt, now).compareTo(MAX_AGE) < 0;
            if (kept != null && fresh) {
                return new KeyLookup.Found(kept);
            }
            boolean mayFetch = entry.lastAttempt == null
                    || Duration.between(entry.lastAttempt, now).compareTo(MIN_REFETCH_INTERVAL) >= 0;
            if (mayFetch) {
                entry.lastAttempt = now;
                String failure = fetch(origin, entry, now);
                RSAKey found = entry.find(keyId);
                if (found != null) {
                    return new KeyLookup.Found(found);
                }
                if (failure != null && entry.fetchedAt == null) {
                    return new KeyLookup.Unavailable(failure);
                }
                return new KeyLookup.UnknownKey();
            }
            if (kept != null) {
                return new KeyLookup.Found(kept);
            }
            return entry.fetchedAt == null
                    ? new KeyLookup.Unavailable("the Saleor signing keys could not be fetched recently; retry later")
                    : new KeyLookup.UnknownKey();
        }
    }

    /** Fetches into the entry; on failure keeps its keys and returns a reason, else null. */
    private String fetch(URI origin, Entry entry, Instant now) {
        try {
            Map<String, RSAKey> keys = signingKeys(JWKSet.parse(source.fetch(origin)));
            entry.keys = keys;
            entry.fetchedAt = now;
            LOG.log(System.Logger.Level.DEBUG, "fetched {0} Saleor signing key(s) of {1}", keys.size(), origin);
            return null;
        } catch (IOException | ParseException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot fetch the Saleor signing keys of {0}: {1}", origin,
                    e.getMessage());
            return "the Saleor signing keys could not be fetched";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while fetching the Saleor signing keys";
        }
    }

    /** The RSA keys of the set that may verify signatures, by id; keys without an id cannot be selected. */
    private static Map<String, RSAKey> signingKeys(JWKSet set) {
        Map<String, RSAKey> keys = new LinkedHashMap<>();
        for (JWK jwk : set.getKeys()) {
            if (keys.size() == MAX_KEYS_PER_ORIGIN) {
                break;
            }
            boolean forSigning = jwk.getKeyUse() == null || KeyUse.SIGNATURE.equals(jwk.getKeyUse());
            if (jwk instanceof RSAKey rsa && forSigning && rsa.getKeyID() != null) {
                keys.putIfAbsent(rsa.getKeyID(), rsa.toPublicJWK());
            }
        }
        return Map.copyOf(keys);
    }

    /** One origin's keys; guarded by its own monitor. */
    private static final class Entry {
        private Map<String, RSAKey> keys = Map.of();
        private Instant fetchedAt;
        private Instant lastAttempt;

        private RSAKey find(String keyId) {
            return keys.get(keyId);
        }
    }
}
