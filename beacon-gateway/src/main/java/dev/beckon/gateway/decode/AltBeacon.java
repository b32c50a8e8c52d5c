package dev.beckon.gateway.decode;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * An AltBeacon frame: manufacturer data {@code <company 2, LE> BE AC <beacon id 20> <reference RSSI 1>
 * <reserved 1>}. The 20-byte beacon id is read, by convention, as a 16-byte organisation id and two 2-byte
 * big-endian numbers.
 *
 * @param companyId     the Bluetooth SIG company id of the maker (e.g. 0x0118 Radius Networks)
 * @param id1           the first 16 bytes of the beacon id; never null
 * @param id2           bytes 17-18 of the beacon id, 0..65535
 * @param id3           bytes 19-20 of the beacon id, 0..65535
 * @param referenceRssi the RSSI at 1 m in dBm, always negative; null when the frame's byte was zero or positive
 * @param mfgReserved   the manufacturer's reserved byte, 0..255
 */
public record AltBeacon(int companyId, UUID id1, int id2, int id3, Integer referenceRssi, int mfgReserved)
        implements BeaconFrame {

    public AltBeacon {
        Objects.requireNonNull(id1, "id1");
        if (companyId < 0 || companyId > 0xFFFF || id2 < 0 || id2 > 0xFFFF || id3 < 0 || id3 > 0xFFFF) {
            throw new IllegalArgumentException("company id, id2 and id3 are 16-bit unsigned");
        }
        if (referenceRssi != null && referenceRssi >= 0) {
            throw new IllegalArgumentException("a reference RSSI is negative, got " + referenceRssi);
        }
        if (mfgReserved < 0 || mfgReserved > 0xFF) {
            throw new IllegalArgumentException("the reserved byte is 0..255, got " + mfgReserved);
        }
    }

    /** The whole 20-byte beacon id as 40 lowercase hex digits. */
    public String beaconIdHex() {
        return id1.toString().replace("-", "") + HexFormat.of().toHexDigits((short) id2)
                + HexFormat.of().toHexDigits((short) id3);
    }

    @Override
    public Optional<BeaconKey> key() {
        return Optional.of(BeaconKey.altBeacon(beaconIdHex()));
    }

    @Override
    public OptionalInt rssiAt1m() {
        return referenceRssi == null ? OptionalInt.empty() : OptionalInt.of(referenceRssi);
    }
}
