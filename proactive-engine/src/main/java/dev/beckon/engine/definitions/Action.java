package dev.beckon.engine.definitions;

import dev.beckon.api.model.ChannelType;
import dev.beckon.engine.templates.MessageModel;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the engine must do for a run, as the {@link JourneyInterpreter} decides it. All implementations are
 * immutable records; the step id names the message, timer or offer (one per run and step).
 */
public sealed interface Action permits Action.ScheduleWake, Action.SendMessage, Action.CreateOffer,
        Action.RequestVideo, Action.RecordVariant, Action.Exit, Action.Complete, Action.SkipStale {

    /** Store a durable timer: hand {@link Input.TimerDue} for the step back at {@code at}. */
    record ScheduleWake(String stepId, Instant at) implements Action {

        public ScheduleWake {
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Queue a message (through the guardrails, unless {@code transactional} exempts it from marketing rules).
     *
     * @param model the model from the trigger and run variables; the engine adds the shop's name
     */
    record SendMessage(String stepId, ChannelType channel, TemplateRef template, MessageModel model,
                       boolean transactional) implements Action {

        public SendMessage {
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(model, "model");
        }
    }

    /** Create a discount code, then hand {@link Input.OfferCreated} (or {@link Input.OfferFailed}) back. */
    record CreateOffer(String stepId, DiscountSpec spec, Instant expiresAt) implements Action {

        public CreateOffer {
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** Ask staff for a video by {@code dueAt}; hand {@link Input.VideoReady} back when it is ready. */
    record RequestVideo(String stepId, Instant dueAt) implements Action {

        public RequestVideo {
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /** Record the A/B variant this run drew at a split, for statistics. */
    record RecordVariant(String stepId, String variant) implements Action {

        public RecordVariant {
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(variant, "variant");
        }
    }

    /** The run ended early: cancel its timers and pending messages. */
    record Exit(String reason) implements Action {

        public Exit {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The run went through its last step. */
    record Complete() implements Action {
    }

    /** A send step ran too late ({@code lateness} past its stale limit) and was skipped. */
    record SkipStale(String stepId, Duration lateness) implements Action {

        public SkipStale {
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(lateness, "lateness");
        }
    }
}
