package dev.beckon.suite.collector;

import dev.beckon.adapters.storefront.CollectorSettings;
import dev.beckon.adapters.storefront.StorefrontCollector;
import dev.beckon.adapters.storefront.VisitorRateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.time.Clock;

@ApplicationScoped
public class CollectorProducer {

    @Produces
    @Singleton
    StorefrontCollector collector(Clock clock) {
        return new StorefrontCollector(CollectorSettings.DEFAULTS,
                new VisitorRateLimiter(VisitorRateLimiter.Limits.DEFAULTS, clock), clock);
    }

    @Produces
    @Singleton
    JdbcStorefrontStore storefronts(DataSource dataSource, Clock clock) {
        return new JdbcStorefrontStore(dataSource, clock);
    }
}
