package dev.beckon.engine.definitions;

import dev.beckon.api.model.ChannelType;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * One step of a journey. Every step has an id, unique in its journey and stable across edits: messages, timers
 * and statistics are keyed by it. After a step the run goes to {@link #next()}: by default the following step of
 * the list, or {@code end}, or a step id. All implementations are immutable records.
 */
public sealed interface Step permits Step.Wait, Step.Condition, Step.Send, Step.Video, Step.Offer, Step.Split {

    String id();

    Goto next();

    /** The type name in journey JSON: {@code "wait"}. */
    String type();

    /**
     * Waits a duration, or until the next time of day in the shopper's zone, or a duration and then until that
     * time of day ("1 day later at 10:00"). At least one is set.
     *
     * @param duration       positive, or null
     * @param untilLocalTime a wall-clock time in the shopper's zone, or null
     */
    record Wait(String id, Duration duration, LocalTime untilLocalTime, Goto next) implements Step {

        public Wait {
            Objects.requireNonNull(id, "id");
            next = next == null ? Goto.NEXT : next;
        }

        @Override
        public String type() {
            return "wait";
        }
    }

    /**
     * Goes to {@code then} if the criterion holds, else to {@code otherwise}.
     *
     * @param when      never null
     * @param then      never null ({@code next} by default)
     * @param otherwise never null ({@code end} by default)
     */
    record Condition(String id, Criterion when, Goto then, Goto otherwise) implements Step {

        public Condition {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(when, "when");
            then = then == null ? Goto.NEXT : then;
            otherwise = otherwise == null ? Goto.END : otherwise;
        }

        /** A condition moves on through {@code then} or {@code otherwise}; this is {@code then}. */
        @Override
        public Goto next() {
            return then;
        }

        @Override
        public String type() {
            return "condition";
        }
    }

    /**
     * Sends a message.
     *
     * @param channel    never null
     * @param template   never null
     * @param staleAfter if the step runs later than this after it was due, the message is skipped; null sends
     *                   however late
     */
    record Send(String id, ChannelType channel, TemplateRef template, Duration staleAfter, Goto next)
            implements Step {

        public Send {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(template, "template");
            next = next == null ? Goto.NEXT : next;
        }

        @Override
        public String type() {
            return "send";
        }
    }

    /**
     * Asks staff to record a video for the run's subject; the run goes on when the video is ready, or with the
     * shop's pre-recorded fallback after {@code fallbackAfter}.
     *
     * @param fallbackAfter positive
     */
    record Video(String id, Duration fallbackAfter, Goto next) implements Step {

        public Video {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(fallbackAfter, "fallbackAfter");
            next = next == null ? Goto.NEXT : next;
        }

        @Override
        public String type() {
            return "video";
        }
    }

    /**
     * Creates a discount code; the run goes on when the code exists, which later steps show as
     * {@code discountCode}.
     *
     * @param discount never null
     */
    record Offer(String id, DiscountSpec discount, Goto next) implements Step {

        public Offer {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(discount, "discount");
            next = next == null ? Goto.NEXT : next;
        }

        @Override
        public String type() {
            return "offer";
        }
    }

    /**
     * An A/B split: each run draws one variant by weight (weights sum to 100), which is recorded, and goes to that
     * variant's step. A variant may go to {@code end} (a hold-out group).
     *
     * @param variants at least two
     */
    record Split(String id, List<Variant> variants) implements Step {

        /**
         * @param name   unique in the split; never null
         * @param weight 0..100
         * @param go     where runs of this variant go; never null
         */
        public record Variant(String name, int weight, Goto go) {

            public Variant {
                Objects.requireNonNull(name, "name");
                go = go == null ? Goto.NEXT : go;
            }
        }

        public Split {
            Objects.requireNonNull(id, "id");
            variants = variants == null ? List.of() : List.copyOf(variants);
        }

        /** A split moves on through its variants; this is {@code next}, unused. */
        @Override
        public Goto next() {
            return Goto.NEXT;
        }

        @Override
        public String type() {
            return "split";
        }
    }
}
