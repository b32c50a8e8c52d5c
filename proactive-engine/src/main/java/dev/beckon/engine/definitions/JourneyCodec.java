package dev.beckon.engine.definitions;

import dev.beckon.api.model.ChannelType;
import dev.beckon.engine.templates.MessageTemplate;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParsingException;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads journeys from JSON and writes them back (JSON-P). Reading checks the shape first (types, required and
 * unknown fields, durations, times, enums) and then the meaning with a {@link JourneyValidator}; every problem
 * found is reported with its JSON Pointer. {@code write(read(json))} is stable: writing a journey read from
 * written JSON gives the same text. Thread-safe.
 */
public final class JourneyCodec {

    /** Looked up once: {@code Json.createX} looks the provider up through ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The largest journey accepted, in UTF-8 bytes. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final String DURATION_HINT = "must be an ISO-8601 duration like PT1H";

    private final JourneyValidator validator;

    public JourneyCodec(JourneyValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /**
     * Reads and validates a journey.
     *
     * @throws JourneyValidationException with every problem found, if the JSON is not a valid journey
     */
    public JourneyDefinition read(String json) throws JourneyValidationException {
        Objects.requireNonNull(json, "json");
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new JourneyValidationException(List.of(new ValidationError("",
                    "the journey is " + bytes + " bytes; at most " + MAX_BYTES + " are accepted")));
        }
        JsonValue root;
        try (var reader = JSON.createReader(new StringReader(json))) {
            root = reader.readValue();
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            throw new JourneyValidationException(List.of(new ValidationError("", "not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber())
                    + ": " + e.getMessage())));
        } catch (JsonException e) {
            throw new JourneyValidationException(List.of(new ValidationError("", "not valid JSON: "
                    + e.getMessage())));
        }
        Reader r = new Reader();
        JourneyDefinition journey = r.journey(root);
        if (!r.errors.isEmpty() || journey == null) {
            throw new JourneyValidationException(r.errors);
        }
        validator.check(journey);
        return journey;
    }

    /** Writes a journey as compact JSON, fields in a fixed order, defaults left out. */
    public String write(JourneyDefinition journey) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.write("id", journey.id());
            g.write("name", journey.name());
            g.write("enabled", journey.enabled());
            g.write("transactional", journey.transactional());
            g.writeStartObject("trigger");
            g.write("event", journey.trigger().event());
            writeCriteria(g, "where", journey.trigger().where());
            g.writeEnd();
            writeCriteria(g, "entryConditions", journey.entryConditions());
            g.writeStartArray("steps");
            for (Step step : journey.steps()) {
                writeStep(g, step);
            }
            g.writeEnd();
            if (!journey.exitEvents().isEmpty()) {
                g.writeStartArray("exitEvents");
                for (ExitRule exit : journey.exitEvents()) {
                    g.writeStartObject();
                    g.write("event", exit.event());
                    writeKeys(g, exit.match());
                    writeCriteria(g, "where", exit.where());
                    g.writeEnd();
                }
                g.writeEnd();
            }
            if (journey.goal() != null) {
                g.writeStartObject("goal");
                g.write("event", journey.goal().event());
                g.write("within", journey.goal().within().toString());
                writeKeys(g, journey.goal().match());
                g.writeEnd();
            }
            if (!journey.reEntryCooldown().isZero()) {
                g.write("reEntryCooldown", journey.reEntryCooldown().toString());
            }
            g.writeEnd();
        }
        return out.toString();
    }

    private static void writeStep(JsonGenerator g, Step step) {
        g.writeStartObject();
        g.write("id", step.id());
        g.write("type", step.type());
        if (step instanceof Step.Wait w) {
            if (w.duration() != null) {
                g.write("duration", w.duration().toString());
            }
            if (w.untilLocalTime() != null) {
                g.write("until", w.untilLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")));
            }
        } else if (step instanceof Step.Condition c) {
            g.writeKey("when");
            writeCriterion(g, c.when());
            g.write("then", c.then().target());
            g.write("else", c.otherwise().target());
        } else if (step instanceof Step.Send s) {
            g.write("channel", s.channel().name());
            if (s.template().id() != null) {
                g.write("template", s.template().id());
            } else {
                MessageTemplate t = s.template().inline();
                g.writeStartObject("template");
                if (t.subject() != null) {
                    g.write("subject", t.subject());
                }
                g.write("text", t.text());
                if (t.html() != null) {
                    g.write("html", t.html());
                }
                g.writeEnd();
            }
            if (s.staleAfter() != null) {
                g.write("staleAfter", s.staleAfter().toString());
            }
        } else if (step instanceof Step.Video v) {
            g.write("fallbackAfter", v.fallbackAfter().toString());
        } else if (step instanceof Step.Offer o) {
            DiscountSpec d = o.discount();
            g.writeStartObject("discount");
            g.write("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
            g.write("value", d.value());
            if (d.currency() != null) {
                g.write("currency", d.currency());
            }
            g.write("singleUse", d.singleUse());
            g.write("expiresIn", d.expiresIn().toString());
            g.writeEnd();
        } else if (step instanceof Step.Split s) {
            g.writeStartArray("variants");
            for (Step.Split.Variant v : s.variants()) {
                g.writeStartObject();
                g.write("name", v.name());
                g.write("weight", v.weight());
                g.write("go", v.go().target());
                g.writeEnd();
            }
            g.writeEnd();
        }
        if (!(step instanceof Step.Condition) && !(step instanceof Step.Split) && !step.next().isNext()) {
            g.write("next", step.next().target());
        }
        g.writeEnd();
    }

    private static void writeCriteria(JsonGenerator g, String name, List<Criterion> criteria) {
        if (criteria.isEmpty()) {
            return;
        }
        g.writeStartArray(name);
        for (Criterion c : criteria) {
            writeCriterion(g, c);
        }
        g.writeEnd();
    }

    private static void writeCriterion(JsonGenerator g, Criterion c) {
        g.writeStartObject();
        g.write("path", c.path());
        g.write("op", c.operator().json());
        if (c.operand().getValueType() != JsonValue.ValueType.NULL) {
            g.write("value", c.operand());
        }
        g.writeEnd();
    }

    private static void writeKeys(JsonGenerator g, List<SubjectKey> keys) {
        g.writeStartArray("match");
        keys.forEach(k -> g.write(k.json()));
        g.writeEnd();
    }

    /** Reads one journey, collecting shape errors. Methods return null where the shape is broken. */
    private static final class Reader {

        final List<ValidationError> errors = new ArrayList<>();

        JourneyDefinition journey(JsonValue root) {
            JsonObject o = object(root, "");
            if (o == null) {
                return null;
            }
            allow(o, "", "id", "name", "enabled", "transactional", "trigger", "entryConditions", "steps",
                    "exitEvents", "goal", "reEntryCooldown");
            String id = string(o, "", "id", true);
            String name = string(o, "", "name", false);
            boolean enabled = bool(o, "", "enabled", true);
            boolean transactional = bool(o, "", "transactional", false);
            Trigger trigger = trigger(o.get("trigger"));
            List<Criterion> entry = criteria(o, "", "entryConditions");
            List<Step> steps = new ArrayList<>();
            JsonArray stepArray = array(o, "", "steps", true);
            if (stepArray != null) {
                for (int i = 0; i < stepArray.size(); i++) {
                    Step step = step(stepArray.get(i), "/steps/" + i);
                    if (step != null) {
                        steps.add(step);
                    }
                }
            }
            List<ExitRule> exits = new ArrayList<>();
            JsonArray exitArray = array(o, "", "exitEvents", false);
            if (exitArray != null) {
                for (int i = 0; i < exitArray.size(); i++) {
                    String at = "/exitEvents/" + i;
                    JsonObject e = object(exitArray.get(i), at);
                    if (e != null) {
                        allow(e, at, "event", "match", "where");
                        String event = string(e, at, "event", true);
                        List<SubjectKey> match = keys(e, at);
                        List<Criterion> where = criteria(e, at, "where");
                        if (event != null) {
                            exits.add(new ExitRule(event, match, where));
                        }
                    }
                }
            }
            Goal goal = null;
            if (o.containsKey("goal")) {
                JsonObject g = object(o.get("goal"), "/goal");
                if (g != null) {
                    allow(g, "/goal", "event", "within", "match");
                    String event = string(g, "/goal", "event", true);
                    Duration within = duration(g, "/goal", "within", true);
                    List<SubjectKey> match = keys(g, "/goal");
                    if (event != null && within != null) {
                        goal = new Goal(event, within, match);
                    }
                }
            }
            Duration cooldown = duration(o, "", "reEntryCooldown", false);
            if (id == null || trigger == null) {
                return null;
            }
            return new JourneyDefinition(id, name, enabled, trigger, entry, steps, exits, goal, cooldown,
                    transactional);
        }

        Trigger trigger(JsonValue value) {
            if (value == null) {
                errors.add(new ValidationError("/trigger", "is required"));
                return null;
            }
            JsonObject o = object(value, "/trigger");
            if (o == null) {
                return null;
            }
            allow(o, "/trigger", "event", "where");
            String event = string(o, "/trigger", "event", true);
            List<Criterion> where = criteria(o, "/trigger", "where");
            return event == null ? null : new Trigger(event, where);
        }

        Step step(JsonValue value, String at) {
            JsonObject o = object(value, at);
            if (o == null) {
                return null;
            }
            String id = string(o, at, "id", true);
            String type = string(o, at, "type", true);
            if (type == null) {
                return null;
            }
            Goto next = go(o, at, "next", Goto.NEXT);
            int before = errors.size();
            Step step;
            switch (type) {
                case "wait" -> {
                    allow(o, at, "id", "type", "next", "duration", "until");
                    Duration duration = duration(o, at, "duration", false);
                    LocalTime until = null;
                    String hhmm = string(o, at, "until", false);
                    if (hhmm != null) {
                        if (HH_MM.matcher(hhmm).matches()) {
                            until = LocalTime.parse(hhmm);
                        } else {
                            errors.add(new ValidationError(at + "/until", "must be a time of day HH:mm like 10:00"));
                        }
                    }
                    step = id == null ? null : new Step.Wait(id, duration, until, next);
                }
                case "condition" -> {
                    allow(o, at, "id", "type", "when", "then", "else");
                    Criterion when = o.containsKey("when") ? criterion(o.get("when"), at + "/when") : null;
                    if (!o.containsKey("when")) {
                        errors.add(new ValidationError(at + "/when", "is required"));
                    }
                    Goto then = go(o, at, "then", Goto.NEXT);
                    Goto otherwise = go(o, at, "else", Goto.END);
                    step = id == null || when == null ? null : new Step.Condition(id, when, then, otherwise);
                }
                case "send" -> {
                    allow(o, at, "id", "type", "next", "channel", "template", "staleAfter");
                    ChannelType channel = null;
                    String name = string(o, at, "channel", true);
                    if (name != null) {
                        try {
                            channel = ChannelType.valueOf(name);
                        } catch (IllegalArgumentException e) {
                            errors.add(new ValidationError(at + "/channel", "unknown channel '" + name + "'; known: "
                                    + Criteria.known(Arrays.stream(ChannelType.values()).map(Enum::name).toList())));
                        }
                    }
                    TemplateRef template = template(o, at);
                    Duration stale = duration(o, at, "staleAfter", false);
                    step = id == null || channel == null || template == null ? null
                            : new Step.Send(id, channel, template, stale, next);
                }
                case "video" -> {
                    allow(o, at, "id", "type", "next", "fallbackAfter");
                    Duration fallback = duration(o, at, "fallbackAfter", true);
                    step = id == null || fallback == null ? null : new Step.Video(id, fallback, next);
                }
                case "offer" -> {
                    allow(o, at, "id", "type", "next", "discount");
                    DiscountSpec discount = discount(o, at);
                    step = id == null || discount == null ? null : new Step.Offer(id, discount, next);
                }
                case "split" -> {
                    allow(o, at, "id", "type", "variants");
                    List<Step.Split.Variant> variants = new ArrayList<>();
                    JsonArray array = array(o, at, "variants", true);
                    if (array != null) {
                        for (int i = 0; i < array.size(); i++) {
                            String vat = at + "/variants/" + i;
                            JsonObject v = object(array.get(i), vat);
                            if (v == null) {
                                continue;
                            }
                            allow(v, vat, "name", "weight", "go");
                            String vname = string(v, vat, "name", true);
                            Integer weight = integer(v, vat, "weight");
                            Goto go = go(v, vat, "go", Goto.NEXT);
                            if (vname != null && weight != null) {
                                variants.add(new Step.Split.Variant(vname, weight, go));
                            }
                        }
                    }
                    step = id == null ? null : new Step.Split(id, variants);
                }
                default -> {
                    errors.add(new ValidationError(at + "/type", "unknown step type '" + type
                            + "'; known: condition, offer, send, split, video, wait"));
                    step = null;
                }
            }
            return errors.size() == before ? step : null;
        }

        TemplateRef template(JsonObject o, String at) {
            JsonValue value = o.get("template");
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                errors.add(new ValidationError(at + "/template", "a send step needs a template id or an inline"
                        + " template"));
                return null;
            }
            if (value instanceof JsonString s) {
                if (s.getString().isBlank()) {
                    errors.add(new ValidationError(at + "/template", "must not be blank"));
                    return null;
                }
                return TemplateRef.id(s.getString());
            }
            String tat = at + "/template";
            JsonObject t = object(value, tat);
            if (t == null) {
                return null;
            }
            allow(t, tat, "subject", "text", "html");
            String subject = string(t, tat, "subject", false);
            String text = string(t, tat, "text", true);
            String html = string(t, tat, "html", false);
            if (text != null && text.isBlank()) {
                errors.add(new ValidationError(tat + "/text", "must not be blank"));
                return null;
            }
            return text == null ? null : TemplateRef.inline(new MessageTemplate(subject, text, html));
        }

        DiscountSpec discount(JsonObject o, String at) {
            String dat = at + "/discount";
            if (!o.containsKey("discount")) {
                errors.add(new ValidationError(dat, "is required"));
                return null;
            }
            JsonObject d = object(o.get("discount"), dat);
            if (d == null) {
                return null;
            }
            allow(d, dat, "kind", "value", "currency", "singleUse", "expiresIn");
            String kindName = string(d, dat, "kind", true);
            DiscountSpec.Kind kind = null;
            if ("percent".equals(kindName)) {
                kind = DiscountSpec.Kind.PERCENT;
            } else if ("amount".equals(kindName)) {
                kind = DiscountSpec.Kind.AMOUNT;
            } else if (kindName != null) {
                errors.add(new ValidationError(dat + "/kind", "must be 'percent' or 'amount'"));
            }
            BigDecimal value = null;
            JsonValue v = d.get("value");
            if (v instanceof JsonNumber n) {
                value = n.bigDecimalValue();
            } else {
                errors.add(new ValidationError(dat + "/value", "must be a number"));
            }
            String currency = string(d, dat, "currency", false);
            boolean singleUse = bool(d, dat, "singleUse", true);
            Duration expires = duration(d, dat, "expiresIn", true);
            return kind == null || value == null || expires == null ? null
                    : new DiscountSpec(kind, value, currency, singleUse, expires);
        }

        List<Criterion> criteria(JsonObject o, String at, String name) {
            List<Criterion> found = new ArrayList<>();
            JsonArray array = array(o, at, name, false);
            if (array != null) {
                for (int i = 0; i < array.size(); i++) {
                    Criterion c = criterion(array.get(i), at + "/" + name + "/" + i);
                    if (c != null) {
                        found.add(c);
                    }
                }
            }
            return found;
        }

        Criterion criterion(JsonValue value, String at) {
            JsonObject o = object(value, at);
            if (o == null) {
                return null;
            }
            allow(o, at, "path", "op", "value");
            String path = string(o, at, "path", true);
            String opName = string(o, at, "op", true);
            Operator op = null;
            if (opName != null) {
                op = Operator.fromJson(opName).orElse(null);
                if (op == null) {
                    errors.add(new ValidationError(at + "/op", "unknown operator '" + opName + "'; known: "
                            + Criteria.known(Arrays.stream(Operator.values()).map(Operator::json).toList())));
                }
            }
            return path == null || op == null ? null : new Criterion(path, op, o.getOrDefault("value", JsonValue.NULL));
        }

        List<SubjectKey> keys(JsonObject o, String at) {
            List<SubjectKey> keys = new ArrayList<>();
            JsonArray array = array(o, at, "match", true);
            if (array == null) {
                return keys;
            }
            for (int i = 0; i < array.size(); i++) {
                JsonValue v = array.get(i);
                String name = v instanceof JsonString s ? s.getString() : null;
                var key = name == null ? java.util.Optional.<SubjectKey>empty() : SubjectKey.fromJson(name);
                if (key.isPresent()) {
                    keys.add(key.get());
                } else {
                    errors.add(new ValidationError(at + "/match/" + i, "unknown key " + v + "; known: "
                            + Criteria.known(Arrays.stream(SubjectKey.values()).map(SubjectKey::json).toList())));
                }
            }
            return keys;
        }

        Goto go(JsonObject o, String at, String name, Goto fallback) {
            String target = string(o, at, name, false);
            return target == null ? fallback : new Goto(target);
        }

        JsonObject object(JsonValue value, String at) {
            if (value instanceof JsonObject o) {
                return o;
            }
            errors.add(new ValidationError(at, "must be an object"));
            return null;
        }

        JsonArray array(JsonObject o, String at, String name, boolean required) {
            JsonValue v = o.get(name);
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                if (required) {
                    errors.add(new ValidationError(at + "/" + name, "is required"));
                }
                return null;
            }
            if (v instanceof JsonArray a) {
                return a;
            }
            errors.add(new ValidationError(at + "/" + name, "must be an array"));
            return null;
        }

        String string(JsonObject o, String at, String name, boolean required) {
            JsonValue v = o.get(name);
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                if (required) {
                    errors.add(new ValidationError(at + "/" + name, "is required"));
                }
                return null;
            }
            if (v instanceof JsonString s) {
                return s.getString();
            }
            errors.add(new ValidationError(at + "/" + name, "must be a string"));
            return null;
        }

        boolean bool(JsonObject o, String at, String name, boolean fallback) {
            JsonValue v = o.get(name);
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                return fallback;
            }
            if (v == JsonValue.TRUE || v.getValueType() == JsonValue.ValueType.TRUE) {
                return true;
            }
            if (v.getValueType() == JsonValue.ValueType.FALSE) {
                return false;
            }
            errors.add(new ValidationError(at + "/" + name, "must be true or false"));
            return fallback;
        }

        Integer integer(JsonObject o, String at, String name) {
            JsonValue v = o.get(name);
            if (v instanceof JsonNumber n && n.isIntegral()) {
                try {
                    return n.intValueExact();
                } catch (ArithmeticException e) {
                    // falls through to the error
                }
            }
            errors.add(new ValidationError(at + "/" + name, "must be a whole number"));
            return null;
        }

        Duration duration(JsonObject o, String at, String name, boolean required) {
            String text = string(o, at, name, required);
            if (text == null) {
                return null;
            }
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                errors.add(new ValidationError(at + "/" + name, DURATION_HINT));
                return null;
            }
        }

        void allow(JsonObject o, String at, String... names) {
            Set<String> allowed = Set.of(names);
            for (String key : o.keySet()) {
                if (!allowed.contains(key)) {
                    errors.add(new ValidationError(at + "/" + pointer(key), "unknown field; known: "
                            + Criteria.known(allowed)));
                }
            }
        }

        private static String pointer(String key) {
            return key.replace("~", "~0").replace("/", "~1");
        }
    }
}
