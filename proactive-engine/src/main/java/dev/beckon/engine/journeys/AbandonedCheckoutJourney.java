package dev.beckon.engine.journeys;

import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.Shopper;
import dev.beckon.engine.guardrails.Decision;
import dev.beckon.engine.guardrails.Guardrail;
import dev.beckon.engine.guardrails.SendAttempt;
import dev.beckon.engine.messages.JdbcMessageStore;
import dev.beckon.engine.scheduler.DueTimer;
import dev.beckon.engine.scheduler.JdbcTimerStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in abandoned-checkout journey: a checkout that sees no order within the shop's delay gets one SMS
 * with its recovery link, if the shopper gave SMS marketing consent. An order for the checkout (or a completed
 * checkout) ends the journey and cancels the message. Each checkout enters once; an older update arriving after
 * a newer one changes nothing.
 *
 * <p>Every method runs inside the caller's transaction, which also claims the event or timer being handled, so
 * the effects and the claim commit together. Stateless and thread-safe.
 */
public final class AbandonedCheckoutJourney {

    public static final String ID = "abandoned-checkout";
    static final String SMS_STEP = "sms-reminder";

    private static final System.Logger LOG = System.getLogger(AbandonedCheckoutJourney.class.getName());

    private final JdbcJourneyRunStore runs = new JdbcJourneyRunStore();
    private final JdbcJourneySettingsStore settings;
    private final JdbcTimerStore timers;
    private final JdbcMessageStore messages;
    private final Guardrail guardrails;
    private final Clock clock;

    public AbandonedCheckoutJourney(JdbcJourneySettingsStore settings, JdbcTimerStore timers,
                                    JdbcMessageStore messages, Guardrail guardrails, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.timers = Objects.requireNonNull(timers);
        this.messages = Objects.requireNonNull(messages);
        this.guardrails = Objects.requireNonNull(guardrails);
        this.clock = Objects.requireNonNull(clock);
    }

    public void onCheckout(Connection c, EventEnvelope event, CheckoutUpdated checkout) throws SQLException {
        ShopId shop = event.shop();
        String subject = checkout.checkout().value();
        Instant now = clock.instant();
        Optional<JourneyRun> existing = runs.findForUpdate(c, shop, ID, subject);
        if (checkout.completed()) {
            convert(c, shop, subject, existing, "checkout completed", now);
            return;
        }
        if (existing.isPresent()) {
            update(c, existing.get(), event, checkout, now);
            return;
        }
        JourneySettings journey = settings.get(c, shop, ID);
        if (!journey.enabled()) {
            LOG.log(System.Logger.Level.DEBUG, "shop {0}: {1} is off, checkout {2} not entered", shop, ID, subject);
            return;
        }
        JourneyRun run = new JourneyRun(UUID.randomUUID().toString(), shop, ID, subject, JourneyRun.RunState.WAITING,
                null, null, null, null, null, null, checkout.updatedAt());
        run = withCheckout(run, checkout);
        Instant due = event.receivedAt().plus(journey.delay());
        runs.insert(c, run, now);
        timers.schedule(c, shop, run.id(), SMS_STEP, due);
        messages.schedule(c, shop, run.id(), ID, SMS_STEP, ChannelType.SMS, run.phone(), idempotencyKey(run), due, now);
        LOG.log(System.Logger.Level.DEBUG, "shop {0}: checkout {1} entered {2}, SMS due {3}", shop, subject, ID, due);
    }

    public void onOrder(Connection c, EventEnvelope event, OrderPlaced order) throws SQLException {
        ShopId shop = event.shop();
        Instant now = clock.instant();
        String reason = "order " + (order.name().isEmpty() ? order.order().value() : order.name()) + " placed";
        if (order.checkout() != null) {
            String subject = order.checkout().value();
            convert(c, shop, subject, runs.findForUpdate(c, shop, ID, subject), reason, now);
        } else if (order.cartToken() != null) {
            Optional<JourneyRun> run = runs.findWaitingByCart(c, shop, ID, order.cartToken());
            if (run.isPresent()) {
                convert(c, shop, run.get().subject(), run, reason, now);
            }
        }
    }

    /** Runs the SMS step of a run whose timer came due. */
    public void onTimer(Connection c, DueTimer timer) throws SQLException {
        Optional<JourneyRun> found = runs.findById(c, timer.runId());
        if (found.isEmpty() || found.get().state() != JourneyRun.RunState.WAITING) {
            return;
        }
        JourneyRun run = found.get();
        Optional<String> messageId = messages.scheduledId(c, run.id(), timer.step());
        Instant now = clock.instant();
        if (messageId.isEmpty()) {
            runs.update(c, withState(run, JourneyRun.RunState.COMPLETED), now);
            return;
        }
        Decision decision = decide(run, now);
        if (decision instanceof Decision.Defer defer) {
            timers.schedule(c, run.shop(), run.id(), timer.step(), defer.until());
            messages.defer(c, messageId.get(), defer.reason(), defer.until(), now);
            return;
        }
        if (decision instanceof Decision.Skip skip) {
            messages.skip(c, messageId.get(), skip.reason(), now);
            LOG.log(System.Logger.Level.INFO, "shop {0}: {1} SMS for checkout {2} skipped: {3}", run.shop(), ID,
                    run.subject(), skip.reason());
        } else {
            messages.queue(c, messageId.get(), run.phone(), SmsText.abandonedCheckout(run), now);
        }
        runs.update(c, withState(run, JourneyRun.RunState.COMPLETED), now);
    }

    /** Ends every waiting run of the shop (the app was uninstalled). */
    public int cancelShop(Connection c, ShopId shop, String reason) throws SQLException {
        Instant now = clock.instant();
        int cancelled = runs.cancelAll(c, shop, now);
        try (var delete = c.prepareStatement("DELETE FROM timer WHERE shop_id = ?")) {
            delete.setString(1, shop.value());
            delete.executeUpdate();
        }
        messages.cancelAllPending(c, shop, reason, now);
        return cancelled;
    }

    private Decision decide(JourneyRun run, Instant now) {
        if (run.recoveryUrl() == null) {
            return new Decision.Skip("the checkout has no recovery link");
        }
        return guardrails.check(new SendAttempt(run.shop(), ID, ChannelType.SMS, Consent.Purpose.MARKETING,
                run.phone(), run.smsConsent(), now));
    }

    private void update(Connection c, JourneyRun run, EventEnvelope event, CheckoutUpdated checkout, Instant now)
            throws SQLException {
        if (run.state() != JourneyRun.RunState.WAITING) {
            return; // a checkout enters once
        }
        if (checkout.updatedAt().isBefore(run.subjectUpdatedAt())) {
            LOG.log(System.Logger.Level.DEBUG, "shop {0}: stale update of checkout {1} ignored", run.shop(),
                    run.subject());
            return;
        }
        JourneyRun updated = withCheckout(run, checkout);
        JourneySettings journey = settings.get(c, run.shop(), ID);
        Instant due = event.receivedAt().plus(journey.delay());
        runs.update(c, updated, now);
        timers.schedule(c, run.shop(), run.id(), SMS_STEP, due);
        messages.reschedule(c, run.id(), SMS_STEP, updated.phone(), due, now);
    }

    private void convert(Connection c, ShopId shop, String subject, Optional<JourneyRun> existing, String reason,
                         Instant now) throws SQLException {
        if (existing.isEmpty()) {
            // The order came first (deliveries are not ordered): remember it, so a late checkout does not enter.
            runs.insert(c, new JourneyRun(UUID.randomUUID().toString(), shop, ID, subject,
                    JourneyRun.RunState.CONVERTED, null, null, null, null, null, null, now), now);
            return;
        }
        JourneyRun run = existing.get();
        if (run.state() == JourneyRun.RunState.CONVERTED) {
            return;
        }
        timers.cancel(c, run.id());
        messages.cancelPending(c, run.id(), reason, now);
        runs.update(c, withState(run, JourneyRun.RunState.CONVERTED), now);
        LOG.log(System.Logger.Level.DEBUG, "shop {0}: checkout {1} converted: {2}", shop, subject, reason);
    }

    private static JourneyRun withCheckout(JourneyRun run, CheckoutUpdated checkout) {
        Shopper shopper = checkout.shopper();
        Consent sms = shopper.marketingConsent(ChannelType.SMS).orElse(run.smsConsent());
        return new JourneyRun(run.id(), run.shop(), run.journey(), run.subject(), run.state(),
                firstNonNull(shopper.firstName(), run.firstName()), firstNonNull(shopper.phone(), run.phone()),
                firstNonNull(shopper.email(), run.email()), sms,
                checkout.recoveryUrl() == null ? run.recoveryUrl() : checkout.recoveryUrl().toString(),
                firstNonNull(checkout.cartToken(), run.cartToken()), checkout.updatedAt());
    }

    private static JourneyRun withState(JourneyRun run, JourneyRun.RunState state) {
        return new JourneyRun(run.id(), run.shop(), run.journey(), run.subject(), state, run.firstName(), run.phone(),
                run.email(), run.smsConsent(), run.recoveryUrl(), run.cartToken(), run.subjectUpdatedAt());
    }

    private static String idempotencyKey(JourneyRun run) {
        return run.shop().value() + ":" + ID + ":" + run.subject() + ":" + SMS_STEP;
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }
}
