package dev.beckon.suite.journeys;

import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A shop's abandoned-checkout journey settings.
 *
 * @param enabled whether new checkouts enter the journey
 * @param delay   ISO-8601 wait before the SMS, e.g. {@code PT1H}
 */
@JsonbNillable
@Schema(name = "AbandonedCheckoutSettings")
public record AbandonedCheckoutSettings(@Schema(example = "true") Boolean enabled,
                                        @Schema(example = "PT1H") String delay) {
}
