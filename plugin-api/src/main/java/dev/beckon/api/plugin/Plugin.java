package dev.beckon.api.plugin;

/** Anything Beckon finds by id in a {@link PluginRegistry}: a platform adapter, a channel. */
public interface Plugin {

    /** Stable, lower-case id used in URLs and configuration ({@code "shopify"}, {@code "sms"}). Never null. */
    String id();
}
