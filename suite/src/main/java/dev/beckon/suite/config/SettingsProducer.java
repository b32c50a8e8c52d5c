package dev.beckon.suite.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads {@link SuiteSettings} from MicroProfile Config once. */
@ApplicationScoped
public class SettingsProducer {

    @Produces
    @Singleton
    SuiteSettings settings() {
        Config config = ConfigProvider.getConfig();
        return SuiteSettings.from(key -> config.getOptionalValue(key, String.class).orElse(null));
    }
}
