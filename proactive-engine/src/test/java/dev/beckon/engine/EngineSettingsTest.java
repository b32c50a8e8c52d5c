package dev.beckon.engine;

import dev.beckon.engine.outbox.Backoff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineSettingsTest {

    @Test
    void defaults() {
        EngineSettings settings = EngineSettings.defaults();

        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.defaultAbandonedCheckoutDelay()).isEqualTo(Duration.parse("PT1H"));
        assertThat(settings.batchSize()).isEqualTo(50);
        assertThat(settings.sendLease()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.backoff()).isEqualTo(new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 5));
    }

    @Test
    void anEmptyMapAndBlankValuesGiveTheDefaults() {
        EngineSettings blank = EngineSettings.from(Map.of("beckon.engine.poll-interval", "  ",
                "beckon.engine.batch-size", "", "beckon.abandoned-checkout.delay", " "));

        assertThat(blank).isEqualTo(EngineSettings.defaults());
        assertThat(EngineSettings.from(Map.of())).isEqualTo(EngineSettings.defaults());
    }

    @Test
    void everyKeyOverridesItsDefault() {
        EngineSettings settings = EngineSettings.from(Map.of(
                "beckon.engine.poll-interval", "PT0.25S",
                "beckon.engine.batch-size", " 200 ",
                "beckon.abandoned-checkout.delay", "PT30M",
                "beckon.outbox.send-lease", "PT2M",
                "beckon.outbox.retry-base", "PT10S",
                "beckon.outbox.retry-max", "PT15M",
                "beckon.outbox.max-attempts", "8",
                "beckon.engine.workers", "3",
                "beckon.outbox.concurrency", "64"));

        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.batchSize()).isEqualTo(200);
        assertThat(settings.defaultAbandonedCheckoutDelay()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.sendLease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.backoff()).isEqualTo(new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(15), 8));
        assertThat(settings.workers()).isEqualTo(3);
        assertThat(settings.sendConcurrency()).isEqualTo(64);
    }

    @Test
    void unknownKeysAreIgnored() {
        assertThat(EngineSettings.from(Map.of("beckon.gateway.port", "8080"))).isEqualTo(EngineSettings.defaults());
    }

    @Test
    void aDelayThatIsNotADurationNamesTheKeyAndTheFormat() {
        assertThatThrownBy(() -> EngineSettings.from(Map.of("beckon.abandoned-checkout.delay", "1h")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("beckon.abandoned-checkout.delay must be an ISO-8601 duration such as PT1H or PT30M,"
                        + " got '1h'");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "beckon.engine.poll-interval     | 1000      | must be an ISO-8601 duration",
            "beckon.engine.poll-interval     | PT0S      | must be positive",
            "beckon.engine.poll-interval     | -PT1S     | must be positive",
            "beckon.abandoned-checkout.delay | PT0S      | must be positive",
            "beckon.abandoned-checkout.delay | -PT1H     | must be positive",
            "beckon.engine.batch-size        | 0         | must be at least 1",
            "beckon.engine.batch-size        | -5        | must be at least 1",
            "beckon.engine.batch-size        | fifty     | must be a whole number",
            "beckon.engine.batch-size        | 2.5       | must be a whole number",
            "beckon.outbox.send-lease        | ten       | must be an ISO-8601 duration",
            "beckon.outbox.send-lease        | PT0S      | must be positive",
            "beckon.outbox.send-lease        | -PT10M    | must be positive",
            "beckon.engine.workers           | 0         | must be at least 1",
            "beckon.outbox.concurrency       | 0         | must be at least 1",
            "beckon.outbox.concurrency       | many      | must be a whole number",
            "beckon.outbox.retry-base        | 30s       | must be an ISO-8601 duration",
            "beckon.outbox.retry-base        | PT0S      | must be positive",
            "beckon.outbox.retry-max         | PT1S      | must be at least beckon.outbox.retry-base",
            "beckon.outbox.max-attempts      | 0         | must be at least 1",
            "beckon.outbox.max-attempts      | many      | must be a whole number",
    })
    void anInvalidValueIsRejectedNamingItsKey(String key, String value, String problem) {
        assertThatThrownBy(() -> EngineSettings.from(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(key + " ")
                .hasMessageContaining(problem);
    }
}
