package dev.beckon.gateway.ingest;

import dev.beckon.gateway.decode.AdvertisementDecoder;
import dev.beckon.gateway.decode.BeaconFrame;
import dev.beckon.gateway.decode.BeaconKey;
import dev.beckon.gateway.decode.DecodeFailure;
import dev.beckon.gateway.decode.DecodeResult;

import java.util.Objects;

/**
 * Raw advertisement hex to a beacon key and its advertised calibration, with the decoder's failures mapped to
 * ingest reasons. Thread-safe (the decoder is).
 */
final class AdvertisementIds {

    /** A decoded identity, or the reason there is none: exactly one of {@code key} and {@code failure} is set. */
    record Outcome(BeaconKey key, Integer rssiAt1m, IngestDrop failure) {
    }

    private final AdvertisementDecoder decoder;

    AdvertisementIds(AdvertisementDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    Outcome manufacturerData(String hex) {
        return outcome(decoder.decodeManufacturerData(hex));
    }

    Outcome eddystone(String hex) {
        return outcome(decoder.decodeServiceData(AdvertisementDecoder.EDDYSTONE_SERVICE_UUID, hex));
    }

    private static Outcome outcome(DecodeResult result) {
        if (result instanceof DecodeResult.Decoded decoded) {
            BeaconFrame frame = decoded.frame();
            if (frame.key().isEmpty()) {
                return new Outcome(null, null, IngestDrop.NOT_A_BEACON);
            }
            Integer rssiAt1m = frame.rssiAt1m().isPresent() ? frame.rssiAt1m().getAsInt() : null;
            return new Outcome(frame.key().get(), rssiAt1m, null);
        }
        DecodeFailure failure = ((DecodeResult.Undecodable) result).reason();
        return new Outcome(null, null, switch (failure) {
            case TRUNCATED, ODD_LENGTH -> IngestDrop.TRUNCATED_HEX;
            case NO_DATA, NOT_HEX, TOO_LONG -> IngestDrop.BAD_HEX;
            default -> IngestDrop.NOT_A_BEACON;
        });
    }
}
