package dev.beckon.suite.shops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

@ApplicationScoped
public class ShopStoreProducer {

    @Produces
    @Singleton
    JdbcShopStore shops(DataSource dataSource) {
        return new JdbcShopStore(dataSource);
    }
}
