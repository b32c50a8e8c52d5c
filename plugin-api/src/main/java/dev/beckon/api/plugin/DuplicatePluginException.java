package dev.beckon.api.plugin;

/** Two plugins claim the same id. Raised at start, so a misconfigured suite does not boot half-wired. */
public final class DuplicatePluginException extends BeckonException {

    private static final long serialVersionUID = 1L;

    public DuplicatePluginException(String kind, String id) {
        super("two " + kind + " plugins have the id '" + id + "'");
    }
}
