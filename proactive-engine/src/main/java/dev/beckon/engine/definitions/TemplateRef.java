package dev.beckon.engine.definitions;

import dev.beckon.engine.templates.MessageTemplate;

/**
 * The template of a send step: a template id from the catalog ({@code "abandoned-checkout-sms"}) or an inline
 * template. Exactly one is set. Immutable.
 *
 * @param id     a template id, or null for an inline template
 * @param inline the template itself, or null for an id
 */
public record TemplateRef(String id, MessageTemplate inline) {

    public TemplateRef {
        if ((id == null) == (inline == null)) {
            throw new IllegalArgumentException("a template is either an id or inline");
        }
    }

    public static TemplateRef id(String id) {
        return new TemplateRef(id, null);
    }

    public static TemplateRef inline(MessageTemplate template) {
        return new TemplateRef(null, template);
    }
}
