package dev.beckon.gateway.eid;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * The Eddystone-EID computation (google/eddystone {@code eddystone-eid/eid-computation.md}):
 * <ol>
 *   <li>temporary key = AES-128(identity key, {@code 00×11 FF 00 00 TS[0] TS[1]}), TS the top 16 bits of the
 *       beacon's 32-bit seconds counter;</li>
 *   <li>EID = first 8 bytes of AES-128(temporary key, {@code 00×11 K TS[0..3]}), the counter with its K lowest
 *       bits cleared.</li>
 * </ol>
 * Uses the JDK's {@code AES/ECB/NoPadding} (one block each, so ECB is exactly the spec's single-block
 * encryption). Stateless and thread-safe; each call creates its own {@link Cipher}. Not for the per-sighting
 * path: {@link EidResolver} precomputes per window.
 */
public final class EidComputation {

    /** The largest rotation exponent the spec allows (a new id every 2^15 s, about 9 hours). */
    public static final int MAX_ROTATION_EXPONENT = 15;

    private EidComputation() {
    }

    /**
     * @param identityKey      16 bytes; not modified
     * @param rotationExponent K in 0..15
     * @param counter          the beacon's seconds counter, taken as an unsigned 32-bit value
     * @return the 8-byte ephemeral id as a long (big-endian, so its unsigned hex is the id's hex)
     * @throws IllegalArgumentException for a key that is not 16 bytes or K out of range
     */
    public static long ephemeralId(byte[] identityKey, int rotationExponent, long counter) {
        Objects.requireNonNull(identityKey, "identityKey");
        if (identityKey.length != 16) {
            throw new IllegalArgumentException("an identity key is 16 bytes, got " + identityKey.length);
        }
        if (rotationExponent < 0 || rotationExponent > MAX_ROTATION_EXPONENT) {
            throw new IllegalArgumentException("rotation exponent must be in 0..15, got " + rotationExponent);
        }
        long time = counter & 0xFFFF_FFFFL;
        byte[] temporaryKeyData = new byte[16];
        temporaryKeyData[11] = (byte) 0xFF;
        temporaryKeyData[14] = (byte) (time >>> 24);
        temporaryKeyData[15] = (byte) (time >>> 16);
        byte[] temporaryKey = aes(identityKey, temporaryKeyData);
        long quantised = time & ~((1L << rotationExponent) - 1);
        byte[] eidData = new byte[16];
        eidData[11] = (byte) rotationExponent;
        eidData[12] = (byte) (quantised >>> 24);
        eidData[13] = (byte) (quantised >>> 16);
        eidData[14] = (byte) (quantised >>> 8);
        eidData[15] = (byte) quantised;
        byte[] encrypted = aes(temporaryKey, eidData);
        long id = 0;
        for (int i = 0; i < 8; i++) {
            id = (id << 8) | (encrypted[i] & 0xFF);
        }
        return id;
    }

    /** {@link #ephemeralId} as the 16 lowercase hex digits a frame shows. */
    public static String ephemeralIdHex(byte[] identityKey, int rotationExponent, long counter) {
        return hex(ephemeralId(identityKey, rotationExponent, counter));
    }

    /** 16 lowercase hex digits of an 8-byte id. */
    public static String hex(long ephemeralId) {
        String digits = Long.toHexString(ephemeralId);
        return "0".repeat(16 - digits.length()) + digits;
    }

    private static byte[] aes(byte[] key, byte[] block) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            // every Java SE runtime must provide AES/ECB/NoPadding with 128-bit keys
            throw new IllegalStateException("AES-128 is not available in this JVM", e);
        }
    }
}
