package dev.beckon.suite.clicks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.time.Clock;

/** The tracked links' store. */
@ApplicationScoped
public class ClicksProducer {

    @Produces
    @Singleton
    JdbcClickLinks links(DataSource dataSource, Clock clock) {
        return new JdbcClickLinks(dataSource, clock);
    }
}
