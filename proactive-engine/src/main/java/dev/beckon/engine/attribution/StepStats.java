package dev.beckon.engine.attribution;

import dev.beckon.api.model.Money;

import java.util.List;
import java.util.Objects;

/**
 * One journey step's results.
 *
 * @param step      the step id; never null
 * @param sent      messages handed to a provider
 * @param delivered messages with a delivery receipt
 * @param clicked   messages whose link was clicked
 * @param converted orders attributed to the step's messages (last touch)
 * @param revenue   the attributed orders' totals, one per currency, by currency code; never null
 */
public record StepStats(String step, long sent, long delivered, long clicked, long converted, List<Money> revenue) {

    public StepStats {
        Objects.requireNonNull(step, "step");
        revenue = List.copyOf(revenue);
    }
}
