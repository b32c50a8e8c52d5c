package dev.beckon.suite.unsubscribe;

import dev.beckon.suite.config.SuiteSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.time.Clock;

/** The unsubscribe links' store and the e-mail channel's hooks that hand them out. */
@ApplicationScoped
public class UnsubscribeProducer {

    @Produces
    @Singleton
    JdbcUnsubscribeLinks links(DataSource dataSource, Clock clock) {
        return new JdbcUnsubscribeLinks(dataSource, clock);
    }

    @Produces
    @Singleton
    UnsubscribeHooks hooks(JdbcUnsubscribeLinks links, SuiteSettings settings) {
        return new UnsubscribeHooks(links, settings.publicBaseUrl());
    }
}
