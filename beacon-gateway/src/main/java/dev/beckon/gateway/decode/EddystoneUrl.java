package dev.beckon.gateway.decode;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An Eddystone-URL frame (type 0x10): {@code 10 <tx@0m 1> <scheme 1> <encoded URL 1..17>}, with the scheme
 * prefix and the expansion codes ({@code .com/}, {@code .org}, ...) already expanded.
 *
 * @param url         the expanded URL, e.g. {@code https://www.example.com/}; never null or blank
 * @param txPowerAt0m the calibrated power at 0 m in dBm (signed), see {@link #rssiAt1m()}
 */
public record EddystoneUrl(String url, int txPowerAt0m) implements BeaconFrame {

    public EddystoneUrl {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("url must not be blank");
        }
        EddystoneTxPower.requireSignedByte(txPowerAt0m);
    }

    @Override
    public Optional<BeaconKey> key() {
        return Optional.of(BeaconKey.eddystoneUrl(url));
    }

    @Override
    public OptionalInt rssiAt1m() {
        return EddystoneTxPower.rssiAt1m(txPowerAt0m);
    }
}
