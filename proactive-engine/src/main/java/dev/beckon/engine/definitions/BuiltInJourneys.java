package dev.beckon.engine.definitions;

import dev.beckon.engine.templates.TemplateCatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The journeys Beckon ships, with stable ids, read from JSON resources
 * ({@code dev/beckon/engine/definitions/<id>.json}). A shop may edit or switch them off, but a built-in id keeps its
 * trigger: {@link #validator()} and {@link #codec()} enforce it. Immutable and thread-safe.
 */
public final class BuiltInJourneys {

    public static final String ABANDONED_CHECKOUT = "abandoned-checkout";
    public static final String BROWSE_ABANDONMENT = "browse-abandonment";
    public static final String THANK_YOU = "thank-you";
    public static final String ORDER_UPDATES = "order-updates";
    public static final String WIN_BACK = "win-back";
    public static final String IN_STORE_OFFER = "in-store-offer";

    /** Every built-in id, in the order a merchant sees them. */
    public static final List<String> IDS = List.of(ABANDONED_CHECKOUT, BROWSE_ABANDONMENT, THANK_YOU, ORDER_UPDATES,
            WIN_BACK, IN_STORE_OFFER);

    private final Map<String, JourneyDefinition> journeys;
    private final JourneyValidator validator;
    private final JourneyCodec codec;

    private BuiltInJourneys(Map<String, JourneyDefinition> journeys, TemplateCatalog templates) {
        this.journeys = journeys;
        Map<String, Trigger> triggers = new LinkedHashMap<>();
        journeys.forEach((id, j) -> triggers.put(id, j.trigger()));
        this.validator = new JourneyValidator(templates, triggers);
        this.codec = new JourneyCodec(validator);
    }

    /**
     * Reads and validates the shipped journeys.
     *
     * @param templates the catalog their send steps name
     * @throws IllegalStateException if a resource is missing or invalid (a packaging bug)
     */
    public static BuiltInJourneys load(TemplateCatalog templates) {
        Objects.requireNonNull(templates, "templates");
        JourneyCodec reader = new JourneyCodec(new JourneyValidator(templates, Map.of()));
        Map<String, JourneyDefinition> found = new LinkedHashMap<>();
        for (String id : IDS) {
            String resource = "/dev/beckon/engine/definitions/" + id + ".json";
            try (InputStream in = BuiltInJourneys.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing built-in journey " + resource);
                }
                JourneyDefinition journey = reader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (!journey.id().equals(id)) {
                    throw new IllegalStateException(resource + " has the id " + journey.id());
                }
                found.put(id, journey);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            } catch (JourneyValidationException e) {
                throw new IllegalStateException("built-in journey " + resource + " is invalid: " + e.getMessage(), e);
            }
        }
        return new BuiltInJourneys(Map.copyOf(found), templates);
    }

    public Optional<JourneyDefinition> find(String id) {
        return Optional.ofNullable(journeys.get(id));
    }

    /** @throws IllegalArgumentException if the id is not a built-in one, naming the known ids */
    public JourneyDefinition get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no built-in journey '" + id + "'; known: "
                + String.join(", ", IDS)));
    }

    /** Every built-in journey, in {@link #IDS} order. */
    public List<JourneyDefinition> all() {
        return IDS.stream().map(journeys::get).toList();
    }

    public boolean isBuiltIn(String id) {
        return journeys.containsKey(id);
    }

    /** A validator that also keeps the built-in ids' triggers fixed. */
    public JourneyValidator validator() {
        return validator;
    }

    /** A codec for merchant-edited journeys, validating with {@link #validator()}. */
    public JourneyCodec codec() {
        return codec;
    }
}
