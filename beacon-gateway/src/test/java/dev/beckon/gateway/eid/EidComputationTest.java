package dev.beckon.gateway.eid;

import dev.beckon.gateway.decode.BeaconKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Eddystone-EID computation against published vectors. The spec ({@code eddystone-eid/eid-computation.md} of
 * google/eddystone) has none; RadiusNetworks/ephemeral_calc {@code spec/encryptor_spec.rb} has two for identity
 * key {@code 0102030405060708090A111213141516} and K = 10: counter in window 0 gives {@code A9B76A71C5F89290},
 * counter 2000 (window 1) gives {@code 4144413E45FEFA58}. Both were re-derived here from the spec's two AES steps
 * with an independent AES (Python {@code cryptography}).
 */
class EidComputationTest {

    private static final byte[] KEY = HexFormat.of().parseHex("0102030405060708090A111213141516");

    @Test
    void matchesThePublishedVectorOfWindowZero() {
        assertThat(EidComputation.ephemeralIdHex(KEY, 10, 0)).isEqualTo("a9b76a71c5f89290");
        assertThat(EidComputation.ephemeralIdHex(KEY, 10, 1023)).as("same window, same id")
                .isEqualTo("a9b76a71c5f89290");
    }

    @Test
    void matchesThePublishedVectorOfTheNextWindow() {
        assertThat(EidComputation.ephemeralIdHex(KEY, 10, 2000)).isEqualTo("4144413e45fefa58");
        assertThat(EidComputation.ephemeralIdHex(KEY, 10, 1024)).isEqualTo("4144413e45fefa58");
    }

    @Test
    void theRotationExponentIsPartOfTheId() {
        assertThat(EidComputation.ephemeralIdHex(KEY, 9, 0)).isNotEqualTo("a9b76a71c5f89290");
    }

    @Test
    void badKeysAndExponentsAreRefused() {
        assertThatThrownBy(() -> EidComputation.ephemeralId(new byte[15], 10, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EidComputation.ephemeralId(KEY, 16, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EidIdentity.registeredAt("not hex at all, not hex at all!!", 10, 0, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 hex digits");
        assertThatThrownBy(() -> EidIdentity.registeredAt("0102030405060708090a111213141516", 10, -1,
                Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStableKeyParsesInAnyCaseAndIsNotEphemeral() {
        BeaconKey key = BeaconKey.parse("EID:0123456789ABCDEF").orElseThrow();

        assertThat(key.value()).isEqualTo("eid:0123456789abcdef");
        assertThat(key.isEphemeral()).isFalse();
        assertThat(BeaconKey.eddystoneEid("a9b76a71c5f89290").isEphemeral()).isTrue();
        assertThat(BeaconKey.parse("eid:0123")).isEmpty();
    }

    @Test
    void theIdentityNeverShowsItsKeyAndHasAStableOneWayBeaconKey() {
        EidIdentity identity = EidIdentity.registeredAt("0102030405060708090a111213141516", 10, 0,
                Instant.parse("2026-11-23T10:00:00Z"));

        assertThat(identity.toString()).doesNotContain("0102030405060708090a111213141516");
        assertThat(identity.beaconKey().value()).matches("eid:[0-9a-f]{16}")
                .isEqualTo(EidIdentity.registeredAt("0102030405060708090A111213141516", 12, 99, Instant.EPOCH)
                        .beaconKey().value());
        assertThat(identity.identityKey()).isEqualTo(KEY).isNotSameAs(identity.identityKey());
    }
}
