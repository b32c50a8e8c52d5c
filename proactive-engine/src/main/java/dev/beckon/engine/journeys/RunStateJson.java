package dev.beckon.engine.journeys;

import dev.beckon.api.event.EventPayload;
import dev.beckon.engine.definitions.EventTypes;
import dev.beckon.engine.definitions.RunState;
import dev.beckon.engine.definitions.SubjectKey;
import dev.beckon.engine.inbox.EventCodec;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a run's {@link RunState} as JSON for the {@code journey_run.run_state} column and reads it back. The trigger
 * event (the costliest part, ~2 KB) is written apart ({@link #writeTrigger}, for {@code journey_run_trigger}), so a
 * step's update of the run does not rewrite it; {@code run_state} keeps only its type. Runs stored before that carry
 * the trigger inside {@code run_state}, and are still read.
 */
final class RunStateJson {

    /** Looked up once: {@code Json.createX} looks the provider up through ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final EventCodec events;

    RunStateJson(EventCodec events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** The state without its trigger event (see {@link #writeTrigger}). */
    String write(RunState state) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.write("runId", state.runId());
            g.write("status", state.status().name());
            writeNullable(g, "step", state.step());
            if (state.trigger() != null) {
                g.write("triggerType", EventTypes.nameOf(state.trigger()));
            }
            g.writeStartObject("keys");
            state.keys().forEach((k, v) -> g.write(k.json(), v));
            g.writeEnd();
            writeMap(g, "variables", state.variables());
            writeMap(g, "variants", state.variants());
            writeNullable(g, "enteredAt", state.enteredAt() == null ? null : state.enteredAt().toString());
            writeNullable(g, "lastSentAt", state.lastSentAt() == null ? null : state.lastSentAt().toString());
            g.write("lateness", state.lateness().toString());
            g.writeEnd();
        }
        return out.toString();
    }

    /** The state's trigger event as JSON; null if it has none. */
    String writeTrigger(RunState state) {
        return state.trigger() == null ? null : events.write(state.trigger());
    }

    /**
     * Reads a state written by {@link #write} with its trigger written by {@link #writeTrigger}.
     *
     * @param triggerJson the trigger event; null if the run has none, or if {@code json} carries it (stored before
     *                    the trigger was kept apart)
     * @throws IllegalStateException if the stored JSON is not a run state (a bug or a broken row)
     */
    RunState read(String json, String triggerJson) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            String storedTrigger = o.containsKey("trigger") ? o.getString("trigger") : triggerJson;
            EventPayload trigger = storedTrigger != null && o.containsKey("triggerType")
                    ? events.read(o.getString("triggerType"), storedTrigger) : null;
            Map<SubjectKey, String> keys = new EnumMap<>(SubjectKey.class);
            o.getJsonObject("keys").forEach((k, v) -> SubjectKey.fromJson(k)
                    .ifPresent(key -> keys.put(key, ((jakarta.json.JsonString) v).getString())));
            return new RunState(o.getString("runId"), RunState.Status.valueOf(o.getString("status")),
                    string(o, "step"), trigger, keys, map(o.getJsonObject("variables")),
                    map(o.getJsonObject("variants")), instant(o, "enteredAt"), instant(o, "lastSentAt"),
                    Duration.parse(o.getString("lateness")));
        } catch (RuntimeException e) {
            throw new IllegalStateException("a stored run state cannot be read: " + e.getMessage(), e);
        }
    }

    private static void writeNullable(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.write(name, value);
        }
    }

    private static void writeMap(JsonGenerator g, String name, Map<String, String> values) {
        g.writeStartObject(name);
        values.forEach(g::write);
        g.writeEnd();
    }

    private static Map<String, String> map(JsonObject o) {
        Map<String, String> values = new LinkedHashMap<>();
        o.forEach((k, v) -> values.put(k, ((jakarta.json.JsonString) v).getString()));
        return values;
    }

    private static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : o.getString(name);
    }

    private static Instant instant(JsonObject o, String name) {
        String v = string(o, name);
        return v == null ? null : Instant.parse(v);
    }
}
