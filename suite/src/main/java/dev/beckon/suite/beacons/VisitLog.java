package dev.beckon.suite.beacons;

import dev.beckon.engine.inbox.StoredEvent;
import dev.beckon.suite.beacons.BeaconViews.VisitEventView;
import dev.beckon.suite.beacons.BeaconViews.VisitView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds a store's visits from the shop's stored proximity events: grouped by visit id, each visit's events in
 * time order, newest visit first. Pure; events of other sources or stores, or whose payload cannot be read, are
 * left out.
 */
final class VisitLog {

    private VisitLog() {
    }

    private record Row(String visit, String device, VisitEventView event, Instant startedAt) {
    }

    static List<VisitView> visits(List<StoredEvent> events, String storeId) {
        Map<String, List<Row>> byVisit = new LinkedHashMap<>();
        for (StoredEvent stored : events) {
            if (!EngineSink.SOURCE.equals(stored.source())) {
                continue;
            }
            JsonObject payload = parse(stored.payload());
            if (payload == null || !storeId.equals(id(payload.get("store")))) {
                continue;
            }
            String visit = id(payload.get("visit"));
            String device = id(payload.get("device"));
            if (visit == null || device == null) {
                continue;
            }
            Instant at = instant(payload, "VisitEnded".equals(stored.type()) ? "endedAt" : "at");
            Duration dwell = payload.get("dwell") instanceof JsonString text ? duration(text.getString()) : null;
            Instant startedAt = instant(payload, "startedAt");
            byVisit.computeIfAbsent(visit, v -> new ArrayList<>()).add(new Row(visit, device,
                    new VisitEventView(stored.type(), id(payload.get("zone")), at == null ? stored.occurredAt() : at,
                            dwell), startedAt));
        }
        List<VisitView> visits = new ArrayList<>();
        byVisit.forEach((visit, rows) -> {
            rows.sort(Comparator.comparing((Row row) -> row.event().at()).thenComparing(row -> order(row.event().type())));
            List<VisitEventView> ordered = rows.stream().map(Row::event).toList();
            Row ended = rows.stream().filter(row -> "VisitEnded".equals(row.event().type())).findFirst().orElse(null);
            Instant startedAt = ended != null && ended.startedAt() != null ? ended.startedAt() : ordered.get(0).at();
            visits.add(new VisitView(visit, rows.get(0).device(), startedAt, ended == null ? null : ended.event().at(),
                    ended != null, ordered));
        });
        visits.sort(Comparator.comparing(VisitView::startedAt).reversed());
        return visits;
    }

    /** Same instant: an exit before the next enter, the visit's end last. */
    private static int order(String type) {
        return switch (type) {
            case "ZoneExited" -> 0;
            case "ZoneEntered" -> 1;
            case "ZoneDwelled" -> 2;
            default -> 3;
        };
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** An id as stored: a JSON-B record ({@code {"value": "..."}}) or a plain string. */
    private static String id(JsonValue value) {
        if (value instanceof JsonString text) {
            return text.getString();
        }
        if (value instanceof JsonObject object && object.get("value") instanceof JsonString text) {
            return text.getString();
        }
        return null;
    }

    private static Instant instant(JsonObject payload, String field) {
        if (payload.get(field) instanceof JsonString text) {
            try {
                return Instant.parse(text.getString());
            } catch (RuntimeException e) {
                try {
                    return java.time.OffsetDateTime.parse(text.getString()).toInstant();
                } catch (RuntimeException ignored) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
