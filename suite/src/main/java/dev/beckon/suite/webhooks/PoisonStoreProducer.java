package dev.beckon.suite.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

@ApplicationScoped
public class PoisonStoreProducer {

    @Produces
    @Singleton
    JdbcPoisonDeliveryStore poisonDeliveries(DataSource dataSource) {
        return new JdbcPoisonDeliveryStore(dataSource);
    }
}
