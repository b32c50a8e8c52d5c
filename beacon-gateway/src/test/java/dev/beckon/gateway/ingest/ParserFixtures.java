package dev.beckon.gateway.ingest;

import dev.beckon.api.testing.MutableClock;
import dev.beckon.gateway.Drops;
import dev.beckon.gateway.decode.AdvertisementDecoder;
import dev.beckon.gateway.decode.DecodeFailure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Shared set-up of the parser tests. */
final class ParserFixtures {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    /** A BlueCharm iBeacon (theengs/decoder test vector), measured power -59. */
    static final String BLUECHARM_HEX = "4c000215426c7565436861726d426561636f6e730efe1355c5";
    static final String BLUECHARM_KEY = "ibeacon:426c7565-4368-6172-6d42-6561636f6e73:3838:4949";

    private ParserFixtures() {
    }

    static MutableClock clock() {
        return new MutableClock(NOW);
    }

    static AdvertisementDecoder decoder() {
        return new AdvertisementDecoder(new Drops<>(DecodeFailure.class));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
