package dev.beckon.api.plugin;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginRegistryTest {

    record Named(String id) implements Plugin {
    }

    @Test
    void findsPluginsById() {
        PluginRegistry<Named> registry = PluginRegistry.of("platform", List.of(new Named("woo"), new Named("shopify")));

        assertThat(registry.get("shopify")).isEqualTo(new Named("shopify"));
        assertThat(registry.ids()).containsExactly("shopify", "woo");
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void aDuplicateIdFailsAtStart() {
        assertThatThrownBy(() -> PluginRegistry.of("channel", List.of(new Named("sms"), new Named("sms"))))
                .isInstanceOf(DuplicatePluginException.class)
                .hasMessage("two channel plugins have the id 'sms'");
    }

    @Test
    void anUnknownIdNamesTheKnownOnes() {
        PluginRegistry<Named> registry = PluginRegistry.of("platform", List.of(new Named("shopify"), new Named("woo")));

        assertThatThrownBy(() -> registry.get("magento"))
                .isInstanceOf(UnknownPluginException.class)
                .hasMessage("unknown platform 'magento'; known: shopify, woo");
    }
}
