package dev.beckon.gateway.ingest;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FlatJsonFieldsTest {

    private static final List<String> NAMES = List.of("id", "rssi", "rssi@1m", "mac", "distance", "flag", "none",
            "missing", "txpower", "t");

    @Test
    void readsTheFieldsOfAnEspresenseReport() {
        FlatJsonFields report = FlatJsonFields.read(utf8(
                "{\"t\":123,\"id\":\"phone-1-2-0\",\"rssi@1m\":-59,\"rssi\":-64.31,\"mac\":null}"));

        assertThat(report).isNotNull();
        assertThat(report.string("id")).contains("phone-1-2-0");
        assertThat(report.number("rssi")).hasValue(-64.31);
        assertThat(report.number("rssi@1m")).hasValue(-59);
        assertThat(report.has("mac")).isTrue();
        assertThat(report.string("mac")).isEmpty();
        assertThat(report.has("name")).isFalse();
    }

    @Test
    void isLenientAsJsonPayloadIs() {
        FlatJsonFields report = FlatJsonFields.read(utf8(
                " {\"rssi\" : \" -70.5 \", \"id\":\"  \", \"distance\":\"far\", \"rssi\":\"-71\", \"flag\":true} "));

        assertThat(report.number("rssi")).as("numeric string, last duplicate wins").hasValue(-71);
        assertThat(report.string("id")).as("blank").isEmpty();
        assertThat(report.number("distance")).isEmpty();
        assertThat(report.number("flag")).isEmpty();
        assertThat(report.has("flag")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "[]", "null", "\"text\"", "{", "{\"rssi\":-6", "{\"rssi\":-65,}", "{\"rssi\" -65}",
            "{\"rssi\":-65} x", "{\"rssi\":-65}{}", "{\"rssi\":01}", "{\"rssi\":-}", "{\"rssi\":1.}", "{\"rssi\":.5}",
            "{\"rssi\":+1}", "{\"rssi\":1e}", "{\"rssi\":tru}", "{\"rssi\":NaN}", "{rssi:-65}", "{'rssi':-65}",
            "{\"id\":\"a\\\"b\",\"rssi\":-65}", "{\"id\":\"caf\u00e9\",\"rssi\":-65}", "{\"id\":\"a\tb\",\"rssi\":-65}",
            "{\"beacon\":{\"id\":\"x\"},\"rssi\":-65}", "{\"rssi\":[-65]}"})
    void leavesAnythingOutsideItsSubsetToJsonP(String payload) {
        assertThat(FlatJsonFields.read(utf8(payload))).isNull();
    }

    @Test
    void readsNothingFromNull() {
        assertThat(FlatJsonFields.read(null)).isNull();
        assertThat(ReportFields.read(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}", "{\"rssi\":-65}", "{\"rssi\":-0}", "{\"rssi\":-0.0e3}", "{\"rssi\":0.1}", "{\"rssi\":-1e400}",
            "{\"rssi\":-1E-400}", "{\"rssi\":-64.3100000000000000001}", "{\"rssi\":-9007199254740993}",
            "{\"rssi\":123456789012345678901234567890}", "{\"rssi\":-0.000000000000000000000000123}",
            "{\"rssi\":\"0x1p3\"}", "{\"rssi\":\"-Infinity\"}", "{\"rssi\":\" 12 \"}", "{\"rssi\":null,\"id\":\"\"}",
            "{\"id\":\"iBeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0-100-7\",\"rssi@1m\":-65,\"rssi\":-72.5,"
                    + "\"raw\":-72.5,\"distance\":2.27,\"speed\":0.02,\"mac\":\"c0ffee000001\",\"interval\":907}"})
    void answersAsJsonPDoes(String payload) {
        assertAgreesWithJsonP(payload);
    }

    @Test
    void readsEveryNumberAsJsonPDoes() {
        Random random = new Random(11);
        for (int run = 0; run < 20_000; run++) {
            double value = switch (run % 4) {
                case 0 -> -30 - random.nextDouble() * 90;
                case 1 -> Math.round((-30 - random.nextDouble() * 90) * 100) / 100.0;
                case 2 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
                default -> random.nextLong() / (double) (1L << random.nextInt(63));
            };
            String number = run % 3 == 0 ? String.valueOf(value)
                    : run % 3 == 1 ? String.format("%.12f", value) : new java.math.BigDecimal(value).toPlainString();
            assertAgreesWithJsonP("{\"rssi\":" + number + ",\"rssi@1m\":\"" + number + "\"}");
        }
    }

    private static void assertAgreesWithJsonP(String payload) {
        FlatJsonFields flat = FlatJsonFields.read(utf8(payload));
        JsonObject jsonP = JsonPayload.object(utf8(payload)).orElseThrow();
        assertThat(flat).as(payload).isNotNull();
        for (String name : NAMES) {
            assertThat(flat.has(name)).as("%s has %s", payload, name).isEqualTo(JsonPayload.has(jsonP, name));
            assertThat(flat.string(name)).as("%s string %s", payload, name).isEqualTo(JsonPayload.string(jsonP, name));
            assertThat(flat.number(name)).as("%s number %s", payload, name).isEqualTo(JsonPayload.number(jsonP, name));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
