package dev.beckon.gateway.decode;

import dev.beckon.gateway.Drops;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decodes BLE advertisement payloads given as hex into {@link BeaconFrame}s: iBeacon and AltBeacon from
 * manufacturer data, Eddystone UID/URL/TLM/EID from the service data of UUID 0xFEAA.
 *
 * <p>Never throws on any input: every payload that is not a frame comes back as
 * {@link DecodeResult.Undecodable} with its reason, and is counted in the {@link Drops} given at construction.
 * Measured powers of zero or above are decoded as unknown (null), because real beacons only send negative ones.
 *
 * <p>Thread-safe and stateless apart from the drop counter; one instance serves the whole gateway.
 */
public final class AdvertisementDecoder {

    /** Eddystone's 16-bit service UUID. */
    public static final int EDDYSTONE_SERVICE_UUID = 0xFEAA;

    private static final int APPLE = 0x004C;
    private static final int IBEACON_TYPE = 0x02;
    private static final int IBEACON_LENGTH_BYTE = 0x15;
    private static final int IBEACON_BYTES = 25;
    private static final int ALTBEACON_BYTES = 26;
    private static final int ALTBEACON_CODE = 0xBEAC;

    private static final int EDDYSTONE_UID = 0x00;
    private static final int EDDYSTONE_URL = 0x10;
    private static final int EDDYSTONE_TLM = 0x20;
    private static final int EDDYSTONE_EID = 0x30;
    private static final int UID_BYTES_WITHOUT_RFU = 18;
    private static final int UID_BYTES = 20;
    private static final int URL_MIN_BYTES = 4;
    private static final int URL_MAX_BYTES = 20;
    private static final int TLM_BYTES = 14;
    private static final int EID_BYTES = 10;

    private final Drops<DecodeFailure> drops;

    /** @param drops where undecodable payloads are counted; never null */
    public AdvertisementDecoder(Drops<DecodeFailure> drops) {
        this.drops = Objects.requireNonNull(drops, "drops");
    }

    /**
     * Decodes manufacturer-specific data (AD type 0xFF) as scanners publish it: the company id first, little-endian
     * ({@code 4c00...} for Apple), then the company's bytes.
     *
     * @param hex upper- or lowercase hex digits, no separators; may be null
     */
    public DecodeResult decodeManufacturerData(String hex) {
        HexPayload payload = HexPayload.parse(hex);
        if (payload.failure() != null) {
            return undecodable(payload.failure());
        }
        byte[] data = payload.bytes();
        if (data.length < 4) {
            return undecodable(DecodeFailure.TRUNCATED);
        }
        int company = Bytes.unsigned8(data, 0) | Bytes.unsigned8(data, 1) << 8;
        if (company == APPLE) {
            return iBeacon(data);
        }
        if (Bytes.unsigned16(data, 2) == ALTBEACON_CODE) {
            return altBeacon(company, data);
        }
        return undecodable(DecodeFailure.UNKNOWN_COMPANY);
    }

    /**
     * Decodes service data (AD type 0x16) for a 16-bit service UUID; only Eddystone's 0xFEAA is understood.
     *
     * @param serviceUuid the 16-bit UUID the data belongs to
     * @param hex         the bytes after the UUID (frame type first), as hex; may be null
     */
    public DecodeResult decodeServiceData(int serviceUuid, String hex) {
        if (serviceUuid != EDDYSTONE_SERVICE_UUID) {
            return undecodable(DecodeFailure.NOT_EDDYSTONE);
        }
        HexPayload payload = HexPayload.parse(hex);
        if (payload.failure() != null) {
            return undecodable(payload.failure());
        }
        byte[] data = payload.bytes();
        return switch (Bytes.unsigned8(data, 0)) {
            case EDDYSTONE_UID -> eddystoneUid(data);
            case EDDYSTONE_URL -> eddystoneUrl(data);
            case EDDYSTONE_TLM -> eddystoneTlm(data);
            case EDDYSTONE_EID -> eddystoneEid(data);
            default -> undecodable(DecodeFailure.UNKNOWN_FRAME_TYPE);
        };
    }

    private DecodeResult iBeacon(byte[] data) {
        if (Bytes.unsigned8(data, 2) != IBEACON_TYPE || Bytes.unsigned8(data, 3) != IBEACON_LENGTH_BYTE) {
            return undecodable(DecodeFailure.NOT_A_BEACON);
        }
        DecodeFailure length = length(data, IBEACON_BYTES, IBEACON_BYTES);
        if (length != null) {
            return undecodable(length);
        }
        return decoded(new IBeacon(Bytes.uuid(data, 4), Bytes.unsigned16(data, 20), Bytes.unsigned16(data, 22),
                negativeOrNull(Bytes.signed8(data, 24))));
    }

    private DecodeResult altBeacon(int company, byte[] data) {
        DecodeFailure length = length(data, ALTBEACON_BYTES, ALTBEACON_BYTES);
        if (length != null) {
            return undecodable(length);
        }
        return decoded(new AltBeacon(company, Bytes.uuid(data, 4), Bytes.unsigned16(data, 20),
                Bytes.unsigned16(data, 22), negativeOrNull(Bytes.signed8(data, 24)), Bytes.unsigned8(data, 25)));
    }

    private DecodeResult eddystoneUid(byte[] data) {
        DecodeFailure length = length(data, UID_BYTES_WITHOUT_RFU, UID_BYTES);
        if (length != null) {
            return undecodable(length);
        }
        return decoded(new EddystoneUid(Bytes.hex(data, 2, 10), Bytes.hex(data, 12, 6), Bytes.signed8(data, 1)));
    }

    private DecodeResult eddystoneUrl(byte[] data) {
        DecodeFailure length = length(data, URL_MIN_BYTES, URL_MAX_BYTES);
        if (length != null) {
            return undecodable(length);
        }
        return EddystoneUrlText.expand(Bytes.unsigned8(data, 2), Arrays.copyOfRange(data, 3, data.length))
                .map(url -> decoded(new EddystoneUrl(url, Bytes.signed8(data, 1))))
                .orElseGet(() -> undecodable(DecodeFailure.BAD_URL));
    }

    private DecodeResult eddystoneTlm(byte[] data) {
        if (data.length < 2) {
            return undecodable(DecodeFailure.TRUNCATED);
        }
        if (Bytes.unsigned8(data, 1) != 0) {
            return undecodable(DecodeFailure.UNSUPPORTED_VERSION);
        }
        DecodeFailure length = length(data, TLM_BYTES, TLM_BYTES);
        if (length != null) {
            return undecodable(length);
        }
        int millivolts = Bytes.unsigned16(data, 2);
        int temperature = Bytes.signed16(data, 4);
        return decoded(new EddystoneTlm(0,
                millivolts == 0 ? null : millivolts,
                temperature == Short.MIN_VALUE ? null : temperature / 256.0,
                Bytes.unsigned32(data, 6),
                Duration.ofMillis(Bytes.unsigned32(data, 10) * 100)));
    }

    private DecodeResult eddystoneEid(byte[] data) {
        DecodeFailure length = length(data, EID_BYTES, EID_BYTES);
        if (length != null) {
            return undecodable(length);
        }
        return decoded(new EddystoneEid(Bytes.hex(data, 2, 8), Bytes.signed8(data, 1)));
    }

    /** @return null when {@code data} is between {@code min} and {@code max} bytes long */
    private static DecodeFailure length(byte[] data, int min, int max) {
        if (data.length < min) {
            return DecodeFailure.TRUNCATED;
        }
        return data.length > max ? DecodeFailure.OVERLONG : null;
    }

    private static Integer negativeOrNull(int power) {
        return power < 0 ? power : null;
    }

    private static DecodeResult decoded(BeaconFrame frame) {
        return new DecodeResult.Decoded(frame);
    }

    private DecodeResult undecodable(DecodeFailure reason) {
        drops.record(reason);
        return new DecodeResult.Undecodable(reason);
    }
}
