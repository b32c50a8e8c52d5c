package dev.beckon.engine.templates;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.ValueCode;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders logic-less Mustache templates (mustache.java) into message bodies.
 *
 * <p>For {@link Format#EMAIL_HTML} every {@code {{variable}}} is HTML-escaped; the other formats are plain text
 * and nothing is escaped. A variable the model does not have renders empty and is listed in
 * {@link Rendered#missing()}. Partials ({@code {{> name}}}) are refused, so a merchant's template cannot read
 * files. Thread-safe; a compiled template is kept (by its text, up to {@value #KEPT_TEMPLATES} of them per format), so a
 * journey's step is compiled once, not once per message.
 */
public final class TemplateRenderer {

    private static final ThreadLocal<Set<String>> MISSING = new ThreadLocal<>();

    private final MoneyFormat money;
    private final DefaultMustacheFactory html = new Factory(true);
    private final DefaultMustacheFactory plain = new Factory(false);
    private static final int KEPT_TEMPLATES = 1_000;
    private final Map<String, Mustache> compiledHtml = new ConcurrentHashMap<>();
    private final Map<String, Mustache> compiledPlain = new ConcurrentHashMap<>();

    /** @param money how the model's amounts are written (the shop's locale) */
    public TemplateRenderer(MoneyFormat money) {
        this.money = Objects.requireNonNull(money, "money");
    }

    /** Renders a template with a message model. */
    public Rendered render(String template, MessageModel model, Format format) throws TemplateException {
        return render(template, model.toScope(money), format);
    }

    /**
     * Renders a template with a scope of maps, lists and strings.
     *
     * @throws TemplateException if the template is not valid Mustache
     */
    public Rendered render(String template, Map<String, ?> scope, Format format) throws TemplateException {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(format, "format");
        Mustache mustache = format == Format.EMAIL_HTML ? compiled(template, html, compiledHtml)
                : compiled(template, plain, compiledPlain);
        Set<String> missing = new LinkedHashSet<>();
        StringWriter out = new StringWriter();
        MISSING.set(missing);
        try {
            mustache.execute(out, List.of(scope)).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        } catch (MustacheException e) {
            throw new TemplateException("the template cannot be rendered: " + e.getMessage(), e);
        } finally {
            MISSING.remove();
        }
        return new Rendered(out.toString(), format, List.copyOf(missing));
    }

    /**
     * Checks that a template compiles.
     *
     * @throws TemplateException with the reason and position if it does not
     */
    public void check(String template) throws TemplateException {
        compile(template, plain);
    }

    public MoneyFormat money() {
        return money;
    }

    private static Mustache compiled(String template, DefaultMustacheFactory factory, Map<String, Mustache> kept)
            throws TemplateException {
        Mustache mustache = kept.get(template);
        if (mustache == null) {
            mustache = compile(template, factory);
            if (kept.size() >= KEPT_TEMPLATES) {
                kept.clear();
            }
            kept.put(template, mustache);
        }
        return mustache;
    }

    private static Mustache compile(String template, DefaultMustacheFactory factory) throws TemplateException {
        try {
            return factory.compile(new StringReader(template), "template");
        } catch (MustacheException e) {
            throw new TemplateException(describe(e), e);
        }
    }

    private static String describe(MustacheException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("not found") || message.contains("Template ")) {
            return "partials ({{> name}}) are not supported: " + message;
        }
        return "not a valid Mustache template: " + message;
    }

    /** Escapes the five characters that matter in HTML text and quoted attributes. */
    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Escapes for HTML or not at all; resolves no partials; reports unresolved values. */
    private static final class Factory extends DefaultMustacheFactory {

        private final boolean escapeHtml;

        Factory(boolean escapeHtml) {
            super(name -> null);
            this.escapeHtml = escapeHtml;
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(escapeHtml ? escapeHtml(value) : value);
            } catch (IOException e) {
                throw new MustacheException("failed to write", e);
            }
        }

        @Override
        public MustacheVisitor createMustacheVisitor() {
            return new DefaultMustacheVisitor(this) {
                @Override
                public void value(TemplateContext tc, String variable, boolean encoded) {
                    list.add(new ReportingValueCode(tc, df, variable, encoded));
                }
            };
        }
    }

    private static final class ReportingValueCode extends ValueCode {

        ReportingValueCode(TemplateContext tc, DefaultMustacheFactory df, String variable, boolean encoded) {
            super(tc, df, variable, encoded);
        }

        @Override
        public Object get(List<Object> scopes) {
            Object value = super.get(scopes);
            Set<String> missing = MISSING.get();
            if (missing != null && (value == null || "".equals(value))) {
                missing.add(name);
            }
            return value;
        }
    }
}
