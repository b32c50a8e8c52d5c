package dev.beckon.engine.offers;

import dev.beckon.api.model.ShopId;
import dev.beckon.engine.definitions.DiscountSpec;

import java.time.Instant;
import java.util.Objects;

/**
 * Creates single-use discount codes on the shop's platform for a journey's offer step. The suite implements it
 * through the platform's admin API. Called inside the engine's transaction for the run, so it must answer within
 * a few seconds; it never throws for a refusal or an unreachable platform, it answers {@link Result.Failed} and
 * the run goes on without a code. Implementations are thread-safe.
 */
public interface DiscountCodes {

    /** The default when no platform is wired: every offer fails cleanly, saying why. */
    DiscountCodes NONE = request -> new Result.Failed("no discount-code service is configured");

    /**
     * @param request never null
     * @return never null
     */
    Result create(Request request);

    /**
     * One code to create.
     *
     * @param shop      never null
     * @param journey   the journey id; never null
     * @param runId     the run, for an idempotency key; never null
     * @param stepId    the offer step; never null
     * @param spec      what the code gives; never null
     * @param expiresAt when the code stops working; never null
     */
    record Request(ShopId shop, String journey, String runId, String stepId, DiscountSpec spec, Instant expiresAt) {

        public Request {
            Objects.requireNonNull(shop, "shop");
            Objects.requireNonNull(journey, "journey");
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** The platform's answer. */
    sealed interface Result {

        /** The code exists. */
        record Created(String code) implements Result {

            public Created {
                Objects.requireNonNull(code, "code");
            }
        }

        /** No code: the reason is recorded and the run goes on without one. */
        record Failed(String reason) implements Result {

            public Failed {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
