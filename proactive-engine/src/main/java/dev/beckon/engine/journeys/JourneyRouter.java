package dev.beckon.engine.journeys;

import dev.beckon.api.event.AppUninstalled;
import dev.beckon.api.event.CartItemAdded;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.ConsentChanged;
import dev.beckon.api.event.CustomerUpdated;
import dev.beckon.api.event.DataAccessRequested;
import dev.beckon.api.event.DataErasureRequested;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.event.OrderCancelled;
import dev.beckon.api.event.OrderFulfilled;
import dev.beckon.api.event.OrderPaid;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.event.ProductViewed;
import dev.beckon.api.event.ProximityEvent;
import dev.beckon.api.model.ShopId;
import dev.beckon.engine.attribution.JdbcAttribution;
import dev.beckon.engine.inbox.EventInbox;
import dev.beckon.engine.inbox.InboxEvent;
import dev.beckon.engine.privacy.ShopperErasure;
import dev.beckon.engine.shoppers.ShopperKeys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Hands each stored event to the shop's journeys (the {@link JourneyRuntime}), records consent changes,
 * attributes orders to the last message that touched the shopper, and tags the stored event with its shopper for
 * the timeline, and honours erasure requests ({@link ShopperErasure}). Events no journey uses are simply marked
 * processed.
 */
public final class JourneyRouter implements EventInbox.EventHandler {

    private static final System.Logger LOG = System.getLogger(JourneyRouter.class.getName());

    private final JourneyRuntime runtime;
    private final JdbcAttribution attribution;
    private final java.time.Clock clock;
    private final ShopperErasure erasure = new ShopperErasure();

    public JourneyRouter(JourneyRuntime runtime, JdbcAttribution attribution, java.time.Clock clock) {
        this.runtime = Objects.requireNonNull(runtime);
        this.attribution = Objects.requireNonNull(attribution);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public void handle(Connection c, InboxEvent event) throws SQLException {
        EventPayload payload = event.envelope().payload();
        String shopperKey = shopperKey(payload);
        if (shopperKey != null) {
            try (PreparedStatement tag = c.prepareStatement("UPDATE inbox_event SET shopper_key = ? WHERE id = ?")) {
                tag.setString(1, shopperKey);
                tag.setString(2, event.envelope().id().value());
                tag.executeUpdate();
            }
        }
        if (payload instanceof AppUninstalled) {
            runtime.cancelShop(c, event.envelope().shop(), "the app was uninstalled");
            return;
        }
        if (payload instanceof DataErasureRequested erasure) {
            erase(c, event, erasure);
            return;
        }
        if (payload instanceof ConsentChanged consent) {
            runtime.onConsent(c, event.envelope().shop(), consent);
        }
        List<String> goalRuns = runtime.onEvent(c, event.envelope(), shopperKey);
        if (payload instanceof OrderPlaced order) {
            attribution.onOrder(c, event.envelope().shop(), shopperKey, goalRuns, order, clock.instant());
        }
    }

    private void erase(Connection c, InboxEvent event, DataErasureRequested erasure) throws SQLException {
        ShopId shop = event.envelope().shop();
        ShopperErasure.Erased erased;
        if (erasure.scope() == DataErasureRequested.Scope.SHOP) {
            runtime.cancelShop(c, shop, "the shop's data was erased");
            erased = this.erasure.eraseShop(c, shop, event.envelope().id().value());
        } else {
            erased = this.erasure.eraseShopper(c, shop, erasure.customer(), erasure.email(), erasure.phone(),
                    clock.instant());
        }
        LOG.log(System.Logger.Level.INFO, "shop {0}: {1} erasure removed {2}", shop, erasure.scope(), erased);
    }

    /** The shopper an event is about, as {@link ShopperKeys} defines it; null if it names none. */
    static String shopperKey(EventPayload payload) {
        if (payload instanceof CheckoutUpdated e) {
            return ShopperKeys.of(e.shopper());
        } else if (payload instanceof OrderPlaced e) {
            return ShopperKeys.of(e.shopper());
        } else if (payload instanceof OrderPaid e) {
            return ShopperKeys.of(e.shopper());
        } else if (payload instanceof OrderCancelled e) {
            return ShopperKeys.of(e.shopper());
        } else if (payload instanceof OrderFulfilled e) {
            return ShopperKeys.of(e.shopper());
        } else if (payload instanceof CustomerUpdated e) {
            return ShopperKeys.of(e.shopper());
        } else if (payload instanceof CartItemAdded e) {
            return e.customer() == null ? null : e.customer().value();
        } else if (payload instanceof ProductViewed e) {
            return e.customer() == null ? null : e.customer().value();
        } else if (payload instanceof ProximityEvent e) {
            return "device-" + e.device().value();
        } else if (payload instanceof DataAccessRequested e) {
            return ShopperKeys.of(e.customer(), e.email(), e.phone());
        } else if (payload instanceof ConsentChanged e) {
            if (e.customer() != null) {
                return e.customer().value();
            }
            boolean email = e.address().contains("@");
            return ShopperKeys.forContact(email ? e.address() : null, email ? null : e.address());
        }
        return null;
    }
}
