package dev.beckon.engine.journeys;

import dev.beckon.api.event.AppUninstalled;
import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.EventPayload;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.engine.inbox.EventInbox;
import dev.beckon.engine.inbox.InboxEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/** Hands each stored event to the journeys that react to it. Events no journey uses are simply marked processed. */
public final class JourneyRouter implements EventInbox.EventHandler {

    private final AbandonedCheckoutJourney abandonedCheckout;

    public JourneyRouter(AbandonedCheckoutJourney abandonedCheckout) {
        this.abandonedCheckout = Objects.requireNonNull(abandonedCheckout);
    }

    @Override
    public void handle(Connection c, InboxEvent event) throws SQLException {
        EventPayload payload = event.envelope().payload();
        if (payload instanceof CheckoutUpdated checkout) {
            abandonedCheckout.onCheckout(c, event.envelope(), checkout);
        } else if (payload instanceof OrderPlaced order) {
            abandonedCheckout.onOrder(c, event.envelope(), order);
        } else if (payload instanceof AppUninstalled) {
            abandonedCheckout.cancelShop(c, event.envelope().shop(), "the app was uninstalled");
        }
    }
}
