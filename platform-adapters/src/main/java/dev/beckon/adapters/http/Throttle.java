package dev.beckon.adapters.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One shop's pace of admin-API calls: every call first {@link #await}s, and whatever the platform says about its
 * budget (a {@code 429}'s {@code Retry-After}, Shopify's call-limit header or query cost, BigCommerce's
 * {@code X-Rate-Limit-*}) {@link #holdFor holds} the next call back. A hold only ever extends: a shorter one never
 * cuts a longer one short.
 *
 * <p>Thread-safe; {@link #await} blocks the calling thread through the injected {@link Sleeper} and never holds a
 * lock while it waits.
 */
public final class Throttle {

    private final Clock clock;
    private final Sleeper sleeper;
    private Instant notBefore = Instant.MIN;

    /**
     * @param clock   never null
     * @param sleeper never null
     */
    public Throttle(Clock clock, Sleeper sleeper) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Waits, once, until the current hold ends; returns at once if there is none.
     *
     * @return how long it waited; zero if it did not
     * @throws InterruptedException if interrupted while waiting
     */
    public Duration await() throws InterruptedException {
        Duration wait = remaining();
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
        return wait;
    }

    /** Holds the next call back until {@code wait} from now, unless a longer hold is already in place. */
    public synchronized void holdFor(Duration wait) {
        Objects.requireNonNull(wait, "wait");
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(notBefore)) {
            notBefore = until;
        }
    }

    /** How long a call would wait now; zero if none. */
    public synchronized Duration remaining() {
        Instant now = clock.instant();
        return now.isBefore(notBefore) ? Duration.between(now, notBefore) : Duration.ZERO;
    }
}
