package dev.beckon.suite.shops;

import dev.beckon.api.event.AppUninstalled;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.model.EventId;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.ProactiveEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What happens when a platform says the app was removed, whichever way it says it (an {@code app/uninstalled}
 * webhook, BigCommerce's {@code /uninstall} callback, Saleor's {@code APP_DELETED}): the shop's credentials are
 * deleted at once, and an {@link AppUninstalled} event in the engine's inbox stops every journey of the shop.
 */
@ApplicationScoped
public class Uninstalls {

    private static final System.Logger LOG = System.getLogger(Uninstalls.class.getName());

    @Inject
    JdbcShopStore shops;

    @Inject
    ProactiveEngine engine;

    @Inject
    Clock clock;

    /** For a webhook whose {@link AppUninstalled} event is already in the engine's inbox. */
    public void uninstalled(ShopId shop, String platform) {
        if (shops.markUninstalled(shop, clock.instant())) {
            LOG.log(System.Logger.Level.INFO, "shop {0}: {1} says the app was uninstalled; credentials deleted",
                    shop, platform);
        }
    }

    /** For a platform callback that is not a webhook: also puts the event into the engine's inbox. */
    public void uninstalledByCallback(Shop shop, String platform) {
        Instant now = clock.instant();
        engine.accept(List.of(new EventEnvelope(EventId.random(), shop.id(), platform, "uninstall-callback", now,
                now, "uninstall:" + now.toEpochMilli(), new AppUninstalled(shop.domain()))));
        uninstalled(shop.id(), platform);
    }
}
