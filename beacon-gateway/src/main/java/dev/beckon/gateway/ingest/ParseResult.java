package dev.beckon.gateway.ingest;

import java.util.List;
import java.util.Objects;

/** What a parser made of one MQTT message. Immutable. */
public sealed interface ParseResult {

    /** Every reason something was dropped, one per dropped message or entry; empty when nothing was. */
    List<IngestDrop> drops();

    /**
     * The message was understood. A batch can be understood while some of its entries are not: those are in
     * {@code skipped}, one reason per entry, and the others in {@code sightings}.
     *
     * @param sightings in the order of the message; never null, may be empty
     * @param skipped   never null
     */
    record Parsed(List<Sighting> sightings, List<IngestDrop> skipped) implements ParseResult {

        public Parsed {
            sightings = List.copyOf(Objects.requireNonNull(sightings, "sightings"));
            skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
        }

        public static Parsed of(Sighting sighting) {
            return new Parsed(List.of(sighting), List.of());
        }

        @Override
        public List<IngestDrop> drops() {
            return skipped;
        }
    }

    /** The whole message was dropped. @param reason never null */
    record Dropped(IngestDrop reason) implements ParseResult {

        public Dropped {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public List<IngestDrop> drops() {
            return List.of(reason);
        }
    }
}
