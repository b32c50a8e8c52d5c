package dev.beckon.gateway.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PathLossModelTest {

    @ParameterizedTest(name = "{0} dBm at n={1} -> {2} m")
    @CsvSource({
            // ESPresense's worked example with a -59 dBm reference (knowledge file, section 1.1)
            "-59, 2.7, 1.00",
            "-65, 2.7, 1.67",
            "-75, 2.7, 3.91",
            "-85, 2.7, 9.18",
            "-65, 3.5, 1.48",
            "-75, 3.5, 2.87",
            "-85, 3.5, 5.53",
    })
    void distanceFollowsTheLogDistanceModel(double rssi, double exponent, double metres) {
        assertThat(new PathLossModel(-59, exponent).distanceMetres(rssi)).isCloseTo(metres, within(0.01));
    }

    @Test
    void rssiAtIsTheInverseOfDistance() {
        PathLossModel model = PathLossModel.DEFAULT;

        for (double metres = 0.2; metres < 30; metres *= 1.5) {
            assertThat(model.distanceMetres(model.rssiAt(metres))).isCloseTo(metres, within(1e-9));
        }
    }

    @Test
    void aBeaconsOwnCalibrationIsUsedAndAMissingOneFallsBackToMinus59() {
        assertThat(PathLossModel.forBeacon(OptionalInt.of(-40), 3).rssiAt1m()).isEqualTo(-40);
        assertThat(PathLossModel.forBeacon(OptionalInt.empty(), 3).rssiAt1m()).isEqualTo(-59);
        assertThat(PathLossModel.forBeacon(OptionalInt.of(26), 3).rssiAt1m()).isEqualTo(-59);
    }

    @Test
    void aNonNegativeReferenceOrAnAbsurdExponentIsABug() {
        assertThatThrownBy(() -> new PathLossModel(0, 2.7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PathLossModel(Double.NaN, 2.7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PathLossModel(-59, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
