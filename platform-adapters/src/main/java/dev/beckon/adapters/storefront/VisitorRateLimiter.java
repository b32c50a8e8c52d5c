package dev.beckon.adapters.storefront;

import dev.beckon.api.model.ShopId;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Token buckets for the collector: one per shop and visitor, and one per client address (IPv6 by its /64, the
 * block one subscriber usually holds, so rotating addresses within it does not help). A request takes one token of
 * each, or none if either is empty.
 *
 * <p>Memory is bounded: each kind keeps at most {@link Limits#maxTracked} buckets, least recently used dropped
 * first, and a bucket idle for {@link Limits#idleAfter} is dropped on a later call (it would have refilled anyway,
 * so dropping it changes no decision as long as {@code idleAfter} is at least the time to refill). Thread-safe; one
 * short lock per call, no I/O (address literals are parsed without DNS). Time comes from the injected clock.
 */
public final class VisitorRateLimiter {

    /**
     * @param visitorCapacity    burst per visitor
     * @param visitorRefillEvery one visitor token comes back after this
     * @param addressCapacity    burst per client address
     * @param addressRefillEvery one address token comes back after this
     * @param maxTracked         buckets kept per kind at most
     * @param idleAfter          a bucket untouched this long is dropped
     */
    public record Limits(int visitorCapacity, Duration visitorRefillEvery, int addressCapacity,
                         Duration addressRefillEvery, int maxTracked, Duration idleAfter) {

        /**
         * 30 events then one per 2 s per visitor; 300 then 10 per second per address (a shop's wifi or a mobile
         * carrier's NAT carries many visitors); 100 000 buckets each; idle after 10 minutes.
         */
        public static final Limits DEFAULTS = new Limits(30, Duration.ofSeconds(2), 300, Duration.ofMillis(100),
                100_000, Duration.ofMinutes(10));

        public Limits {
            if (visitorCapacity < 1 || addressCapacity < 1 || maxTracked < 1) {
                throw new IllegalArgumentException("capacities and maxTracked must be at least 1");
            }
            requirePositive(visitorRefillEvery, "visitorRefillEvery");
            requirePositive(addressRefillEvery, "addressRefillEvery");
            requirePositive(idleAfter, "idleAfter");
        }

        private static void requirePositive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + duration);
            }
        }
    }

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Limits limits;
    private final Clock clock;
    private final Buckets visitors;
    private final Buckets addresses;

    /**
     * @param limits never null
     * @param clock  what "now" is; never null
     */
    public VisitorRateLimiter(Limits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.visitors = new Buckets(limits.maxTracked());
        this.addresses = new Buckets(limits.maxTracked());
    }

    /**
     * @param shop      never null
     * @param visitorId the collector's visitor id; never null
     * @param address   the client address as the edge sees it (after trusted proxies); null if unknown, which
     *                  shares one bucket
     * @return never null
     */
    public RateDecision acquire(ShopId shop, String visitorId, String address) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(visitorId, "visitorId");
        long now = nanos();
        String visitorKey = shop.value() + '\n' + visitorId;
        String addressKey = addressKey(address);
        synchronized (this) {
            visitors.evictIdle(now, limits.idleAfter().toNanos());
            addresses.evictIdle(now, limits.idleAfter().toNanos());
            Bucket visitor = visitors.get(visitorKey, limits.visitorCapacity(), now);
            Bucket client = addresses.get(addressKey, limits.addressCapacity(), now);
            visitor.refill(now, limits.visitorCapacity(), limits.visitorRefillEvery().toNanos());
            client.refill(now, limits.addressCapacity(), limits.addressRefillEvery().toNanos());
            if (client.tokens < 1) {
                return new RateDecision.Limited("address", wait(client, limits.addressRefillEvery()));
            }
            if (visitor.tokens < 1) {
                return new RateDecision.Limited("visitor", wait(visitor, limits.visitorRefillEvery()));
            }
            visitor.tokens -= 1;
            client.tokens -= 1;
            return new RateDecision.Allowed();
        }
    }

    /** How many buckets are kept now, visitors and addresses together (for metrics and tests). */
    public synchronized int tracked() {
        return visitors.size() + addresses.size();
    }

    private long nanos() {
        Instant instant = clock.instant();
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private static Duration wait(Bucket bucket, Duration refillEvery) {
        long nanos = (long) Math.ceil((1 - bucket.tokens) * refillEvery.toNanos());
        return Duration.ofNanos(Math.max(1, nanos));
    }

    /** The bucket key of an address: the /64 of an IPv6 address, the address otherwise. */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String text = address.strip();
        if (text.contains(":") && IP_LITERAL.matcher(text).matches()) {
            try {
                byte[] bytes = InetAddress.getByName(text).getAddress();
                if (bytes.length == 16) {
                    StringBuilder prefix = new StringBuilder("v6:");
                    for (int i = 0; i < 8; i++) {
                        prefix.append(String.format("%02x", bytes[i]));
                    }
                    return prefix.append("::/64").toString();
                }
            } catch (UnknownHostException e) {
                return text;
            }
        }
        return text.length() > 64 ? text.substring(0, 64) : text;
    }

    private static final class Bucket {
        private double tokens;
        private long updatedAt;

        private Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updatedAt = now;
        }

        private void refill(long now, int capacity, long refillEveryNanos) {
            if (now > updatedAt) {
                tokens = Math.min(capacity, tokens + (double) (now - updatedAt) / refillEveryNanos);
                updatedAt = now;
            }
        }
    }

    /** Buckets by key in access order; guarded by the limiter's lock. */
    private static final class Buckets {
        private final Map<String, Bucket> map;

        private Buckets(int maxTracked) {
            this.map = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > maxTracked;
                }
            };
        }

        private Bucket get(String key, int capacity, long now) {
            return map.computeIfAbsent(key, k -> new Bucket(capacity, now));
        }

        /** Drops buckets untouched for {@code idleNanos}, oldest first; stops at the first recent one. */
        private void evictIdle(long now, long idleNanos) {
            Iterator<Bucket> eldest = map.values().iterator();
            while (eldest.hasNext()) {
                if (now - eldest.next().updatedAt < idleNanos) {
                    return;
                }
                eldest.remove();
            }
        }

        private int size() {
            return map.size();
        }
    }
}
