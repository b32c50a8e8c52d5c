package dev.beckon.gateway.eid;

import dev.beckon.gateway.decode.BeaconKey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What the resolver must know of one Eddystone-EID beacon: its identity key, its rotation exponent K, and where
 * its seconds counter stands against real time. The beacon's counter need not be Unix time (the spec lets it
 * start anywhere), so the registration records the epoch second at which the counter was zero; the counter at
 * instant t is then {@code t.epochSecond - counterZeroEpochSecond}.
 *
 * <p>Immutable and thread-safe. The identity key is a secret: {@link #toString()} never shows it, and no list
 * method of the gateway returns it; only the pairing store and the resolver read it through
 * {@link #identityKey()}, which returns a copy.
 */
public final class EidIdentity {

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] identityKey;
    private final int rotationExponent;
    private final long counterZeroEpochSecond;

    /**
     * @param identityKey            16 bytes; copied
     * @param rotationExponent       K in 0..15: a new ephemeral id every 2^K seconds
     * @param counterZeroEpochSecond the Unix second at which the beacon's counter was (or would have been) zero
     * @throws IllegalArgumentException for a key that is not 16 bytes or K out of range
     */
    public EidIdentity(byte[] identityKey, int rotationExponent, long counterZeroEpochSecond) {
        Objects.requireNonNull(identityKey, "identityKey");
        if (identityKey.length != 16) {
            throw new IllegalArgumentException("an Eddystone-EID identity key is 16 bytes, got " + identityKey.length);
        }
        if (rotationExponent < 0 || rotationExponent > EidComputation.MAX_ROTATION_EXPONENT) {
            throw new IllegalArgumentException("rotation exponent must be in 0..15, got " + rotationExponent);
        }
        this.identityKey = identityKey.clone();
        this.rotationExponent = rotationExponent;
        this.counterZeroEpochSecond = counterZeroEpochSecond;
    }

    /**
     * The identity of a beacon whose counter read {@code counterNow} at {@code now} (what a provisioning tool
     * reports when it registers the beacon).
     *
     * @param identityKeyHex 32 hex digits
     * @throws IllegalArgumentException for a key that is not 32 hex digits, K out of range or a negative counter
     */
    public static EidIdentity registeredAt(String identityKeyHex, int rotationExponent, long counterNow,
                                           Instant now) {
        Objects.requireNonNull(now, "now");
        if (counterNow < 0 || counterNow > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("the beacon counter is an unsigned 32-bit value, got " + counterNow);
        }
        return new EidIdentity(parseKey(identityKeyHex), rotationExponent, now.getEpochSecond() - counterNow);
    }

    /** @throws IllegalArgumentException unless {@code hex} is 32 hex digits */
    static byte[] parseKey(String hex) {
        if (hex == null || hex.length() != 32) {
            throw new IllegalArgumentException("an Eddystone-EID identity key is 32 hex digits");
        }
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an Eddystone-EID identity key is 32 hex digits");
        }
    }

    /** A copy of the 16-byte identity key. Secret: never log or return it from an API. */
    public byte[] identityKey() {
        return identityKey.clone();
    }

    /** The identity key as 32 lowercase hex digits, for storage only. */
    public String identityKeyHex() {
        return HEX.formatHex(identityKey);
    }

    public int rotationExponent() {
        return rotationExponent;
    }

    public long counterZeroEpochSecond() {
        return counterZeroEpochSecond;
    }

    /** The beacon's counter at {@code at}, as the beacon would compute it (unsigned 32 bits). */
    public long counterAt(Instant at) {
        return (at.getEpochSecond() - counterZeroEpochSecond) & 0xFFFF_FFFFL;
    }

    /** The rotation window (counter >> K) at {@code at}. */
    public long windowAt(Instant at) {
        return counterAt(at) >>> rotationExponent;
    }

    /** The ephemeral id the beacon broadcasts during {@code window}. */
    public long ephemeralIdOfWindow(long window) {
        return EidComputation.ephemeralId(identityKey, rotationExponent, window << rotationExponent);
    }

    /**
     * The stable key this beacon is paired under: {@code eid:} and the first 8 bytes of SHA-256 over
     * {@code "beckon-eid:"} and the identity key. One-way, so listing it reveals nothing of the key, and the same
     * key registered twice gets the same stable key (refused as a duplicate).
     */
    public BeaconKey beaconKey() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("beckon-eid:".getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha256.digest(identityKey);
            return BeaconKey.eidBeacon(HEX.formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EidIdentity that && Arrays.equals(identityKey, that.identityKey)
                && rotationExponent == that.rotationExponent && counterZeroEpochSecond == that.counterZeroEpochSecond;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(identityKey), rotationExponent, counterZeroEpochSecond);
    }

    /** Never shows the identity key. */
    @Override
    public String toString() {
        return "EidIdentity[" + beaconKey() + ", K=" + rotationExponent + ", counterZero=" + counterZeroEpochSecond
                + "]";
    }
}
