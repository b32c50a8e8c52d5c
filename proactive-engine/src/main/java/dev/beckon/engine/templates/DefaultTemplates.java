package dev.beckon.engine.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The templates Beckon ships for the built-in journeys' send steps, read from the classpath
 * ({@code dev/beckon/engine/templates/<id>.txt.mustache}, plus {@code .subject.mustache} and
 * {@code .html.mustache} for emails). Immutable and thread-safe.
 */
public final class DefaultTemplates implements TemplateCatalog {

    /** The ids of the shipped templates. */
    public static final List<String> IDS = List.of(
            "abandoned-checkout-sms", "abandoned-checkout-email",
            "browse-abandonment-email",
            "thank-you-email",
            "order-fulfilled-sms", "order-fulfilled-email",
            "win-back-email",
            "in-store-offer-push");

    private static final String BASE = "/dev/beckon/engine/templates/";

    private final Map<String, MessageTemplate> templates;

    private DefaultTemplates(Map<String, MessageTemplate> templates) {
        this.templates = Map.copyOf(templates);
    }

    /**
     * Reads the shipped templates.
     *
     * @throws IllegalStateException if a resource is missing (a packaging bug)
     */
    public static DefaultTemplates load() {
        Map<String, MessageTemplate> found = new LinkedHashMap<>();
        for (String id : IDS) {
            String text = read(id + ".txt.mustache")
                    .orElseThrow(() -> new IllegalStateException("missing template resource " + BASE + id
                            + ".txt.mustache"));
            found.put(id, new MessageTemplate(read(id + ".subject.mustache").map(String::strip).orElse(null),
                    text, read(id + ".html.mustache").orElse(null)));
        }
        return new DefaultTemplates(found);
    }

    @Override
    public Optional<MessageTemplate> find(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    @Override
    public Set<String> ids() {
        return templates.keySet();
    }

    private static Optional<String> read(String name) {
        try (InputStream in = DefaultTemplates.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(name.endsWith(".txt.mustache") ? text.stripTrailing() : text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + name, e);
        }
    }
}
