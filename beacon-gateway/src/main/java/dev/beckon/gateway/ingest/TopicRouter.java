package dev.beckon.gateway.ingest;

import java.util.List;
import java.util.Objects;

/**
 * Hands each MQTT message to the parser whose topics it belongs to. Thread-safe; never throws on any input.
 */
public final class TopicRouter {

    private final List<SightingParser> parsers;

    /** @param parsers tried in order; never null */
    public TopicRouter(List<SightingParser> parsers) {
        this.parsers = List.copyOf(Objects.requireNonNull(parsers, "parsers"));
    }

    /** The topic filters to subscribe to, one per parser, in order. */
    public List<String> topicFilters() {
        return parsers.stream().map(SightingParser::topicFilter).toList();
    }

    /** @return the first handling parser's result, or {@code Dropped(UNKNOWN_TOPIC)} */
    public ParseResult parse(String topic, byte[] payload) {
        if (topic == null) {
            return new ParseResult.Dropped(IngestDrop.UNKNOWN_TOPIC);
        }
        for (SightingParser parser : parsers) {
            if (parser.handles(topic)) {
                return parser.parse(topic, payload);
            }
        }
        return new ParseResult.Dropped(IngestDrop.UNKNOWN_TOPIC);
    }
}
