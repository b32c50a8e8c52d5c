package dev.beckon.engine.templates;

import java.util.Optional;
import java.util.Set;

/** Message templates by id. Implementations are thread-safe. */
public interface TemplateCatalog {

    Optional<MessageTemplate> find(String id);

    /** Every id this catalog knows, for error messages. */
    Set<String> ids();
}
