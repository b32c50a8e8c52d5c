package dev.beckon.engine.definitions;

import dev.beckon.api.event.EventPayload;

import java.time.Instant;
import java.util.Objects;

/** What happened to a run, handed to the {@link JourneyInterpreter}. All implementations are immutable records. */
public sealed interface Input permits Input.Start, Input.TimerDue, Input.Event, Input.OfferCreated,
        Input.OfferFailed, Input.VideoReady {

    /**
     * The trigger event: the run starts at its first step.
     *
     * @param at when the event was received; a send reached at once is late by {@code now - at}
     */
    record Start(EventPayload event, Instant at) implements Input {

        public Start {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The timer of a step came due (it may be handled late: {@code now - dueAt}). */
    record TimerDue(String stepId, Instant dueAt) implements Input {

        public TimerDue {
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /** Another event for the run's subject: it may end the run (an exit event). */
    record Event(EventPayload event) implements Input {

        public Event {
            Objects.requireNonNull(event, "event");
        }
    }

    /** The discount code of an offer step exists. */
    record OfferCreated(String stepId, String code) implements Input {

        public OfferCreated {
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(code, "code");
        }
    }

    /** The discount code of an offer step could not be created; the run goes on without a code. */
    record OfferFailed(String stepId, String reason) implements Input {

        public OfferFailed {
            Objects.requireNonNull(stepId, "stepId");
            reason = reason == null ? "" : reason;
        }
    }

    /** The video of a video step is ready at {@code url}. */
    record VideoReady(String stepId, String url) implements Input {

        public VideoReady {
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(url, "url");
        }
    }
}
