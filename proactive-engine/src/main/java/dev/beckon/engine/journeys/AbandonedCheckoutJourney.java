package dev.beckon.engine.journeys;

import dev.beckon.api.event.CheckoutUpdated;
import dev.beckon.api.event.ConsentChanged;
import dev.beckon.api.event.EventEnvelope;
import dev.beckon.api.event.OrderPlaced;
import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.api.model.ShopId;
import dev.beckon.api.model.Shopper;
import dev.beckon.engine.decisions.JdbcDecisionLog;
import dev.beckon.engine.decisions.RecordedDecision;
import dev.beckon.engine.guardrails.Decision;
import dev.beckon.engine.guardrails.GuardrailChain;
import dev.beckon.engine.guardrails.ReentryCooldown;
import dev.beckon.engine.guardrails.SendAttempt;
import dev.beckon.engine.guardrails.StaleRule;
import dev.beckon.engine.messages.JdbcMessageStore;
import dev.beckon.engine.scheduler.DueTimer;
import dev.beckon.engine.scheduler.JdbcTimerStore;
import dev.beckon.engine.settings.JdbcShopSettingsStore;
import dev.beckon.engine.settings.ShopSettings;
import dev.beckon.engine.shoppers.ShopperKeys;
import dev.beckon.engine.timezones.ResolvedZone;
import dev.beckon.engine.timezones.ShopperTimeZones;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in abandoned-checkout journey: a checkout that sees no order within the shop's delay gets one SMS
 * with its recovery link, if the guardrails allow it (SMS marketing consent, a phone number, the shop's frequency
 * cap, the shopper's quiet hours, which hold it until morning). An order for the checkout (or a completed checkout)
 * ends the journey and cancels the message. Each checkout enters once; an older update arriving after a newer one
 * changes nothing; a shopper who entered within the shop's re-entry cooldown is not entered again. A nudge whose
 * timer fires more than {@link #STALE_AFTER} late (the suite was down) is skipped. Every decision is recorded.
 *
 * <p>Every method runs inside the caller's transaction, which also claims the event or timer being handled, so
 * the effects and the claim commit together. Stateless and thread-safe.
 */
public final class AbandonedCheckoutJourney {

    public static final String ID = "abandoned-checkout";
    static final String SMS_STEP = "sms-reminder";
    /** A cart nudge is pointless long after the cart went cold. */
    public static final Duration STALE_AFTER = Duration.ofHours(12);
    static final StaleRule SMS_STALE_RULE = StaleRule.skipIfLaterThan(STALE_AFTER);

    private static final System.Logger LOG = System.getLogger(AbandonedCheckoutJourney.class.getName());

    private final JdbcJourneyRunStore runs = new JdbcJourneyRunStore();
    private final JdbcJourneySettingsStore settings;
    private final JdbcShopSettingsStore shopSettings;
    private final JdbcTimerStore timers;
    private final JdbcMessageStore messages;
    private final JdbcDecisionLog decisions;
    private final Clock clock;

    public AbandonedCheckoutJourney(JdbcJourneySettingsStore settings, JdbcShopSettingsStore shopSettings,
                                    JdbcTimerStore timers, JdbcMessageStore messages, JdbcDecisionLog decisions,
                                    Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.shopSettings = Objects.requireNonNull(shopSettings);
        this.timers = Objects.requireNonNull(timers);
        this.messages = Objects.requireNonNull(messages);
        this.decisions = Objects.requireNonNull(decisions);
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
        String shopperKey = ShopperKeys.of(checkout.shopper());
        JourneyRun run = new JourneyRun(UUID.randomUUID().toString(), shop, ID, subject, JourneyRun.RunState.WAITING,
                null, null, null, null, null, null, checkout.updatedAt(), shopperKey);
        run = withCheckout(run, checkout);
        if (shopperKey != null) {
            Duration cooldown = shopSettings.get(c, shop).reentryCooldownFor(ID);
            Decision reentry = ReentryCooldown.check(ID, runs.lastEntered(c, shop, ID, shopperKey), now, cooldown);
            if (reentry instanceof Decision.Skip skip) {
                // Remembered, so later updates of this checkout are not entered (nor logged) again.
                runs.insert(c, withState(run, JourneyRun.RunState.NOT_ENTERED), now);
                runs.ended(c, run.id(), skip.reason(), now);
                decisions.record(c, new RecordedDecision(shop, shopperKey, ID, null, null, "re-entry cooldown",
                        "skip", skip.reason(), null, now));
                LOG.log(System.Logger.Level.DEBUG, "shop {0}: checkout {1} not entered: {2}", shop, subject,
                        skip.reason());
                return;
            }
        }
        Instant due = event.receivedAt().plus(journey.delay());
        runs.insert(c, run, now);
        timers.schedule(c, shop, run.id(), SMS_STEP, due);
        messages.schedule(c, shop, run.id(), ID, SMS_STEP, ChannelType.SMS, run.phone(), shopperKey,
                idempotencyKey(run), due, now);
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

    /** The runs of this journey an order ends (by its checkout or cart), for attribution. */
    public List<String> runsOf(Connection c, ShopId shop, OrderPlaced order) throws SQLException {
        if (order.checkout() == null && order.cartToken() == null) {
            return List.of();
        }
        return runs.ids(c, shop, ID, order.checkout() == null ? null : order.checkout().value(), order.cartToken());
    }

    /**
     * Applies an SMS marketing consent change (a STOP reply, an unsubscribe on the platform) to the shopper's
     * waiting runs, so a message held by quiet hours is checked against it when it wakes.
     *
     * @return runs updated
     */
    public int onConsent(Connection c, ShopId shop, ConsentChanged change) throws SQLException {
        Consent consent = change.consent();
        if (consent.channel() != ChannelType.SMS || consent.purpose() != Consent.Purpose.MARKETING) {
            return 0;
        }
        String address = change.address();
        boolean isPhone = address != null && !address.isBlank() && !address.contains("@");
        List<String> phones = isPhone
                ? List.of(address.strip(), ShopperKeys.recipientKey(ChannelType.SMS, address)) : List.of();
        String shopperKey = change.customer() != null ? change.customer().value()
                : ShopperKeys.forContact(isPhone ? null : address, isPhone ? address : null);
        int updated = runs.updateSmsConsent(c, shop, shopperKey, phones, consent, clock.instant());
        LOG.log(System.Logger.Level.DEBUG, "shop {0}: SMS consent {1} applied to {2} waiting runs", shop,
                consent.state(), updated);
        return updated;
    }

    /**
     * Runs the SMS step of a run whose timer came due: skips it if the timer is stale, otherwise asks the shop's
     * guardrails under the phone number's lock and queues, defers (re-arming the timer) or skips the message.
     */
    public void onTimer(Connection c, DueTimer timer) throws SQLException {
        Optional<JourneyRun> found = runs.findById(c, timer.runId());
        if (found.isEmpty() || found.get().state() != JourneyRun.RunState.WAITING) {
            return;
        }
        JourneyRun run = found.get();
        Optional<String> messageId = messages.scheduledId(c, run.id(), timer.step());
        Instant now = clock.instant();
        if (messageId.isEmpty()) {
            end(c, run, JourneyRun.RunState.COMPLETED, "no message left to send", now);
            return;
        }
        String id = messageId.get();
        Optional<String> stale = SMS_STALE_RULE.skipReason(Duration.between(timer.dueAt(), now));
        if (stale.isPresent()) {
            skip(c, run, id, timer.step(), "stale timer", stale.get(), now);
            return;
        }
        if (run.recoveryUrl() == null) {
            skip(c, run, id, timer.step(), "journey", "the checkout has no recovery link", now);
            return;
        }
        ShopSettings shop = shopSettings.get(c, run.shop());
        String recipientKey = ShopperKeys.recipientKey(ChannelType.SMS, run.phone());
        List<Instant> recent = List.of();
        if (recipientKey != null) {
            messages.lockRecipient(c, run.shop(), ChannelType.SMS, recipientKey);
            Optional<Duration> window = shop.capFor(ChannelType.SMS).map(cap -> cap.per());
            if (window.isPresent()) {
                recent = messages.recentSends(c, run.shop(), ChannelType.SMS, recipientKey, now.minus(window.get()));
            }
        }
        GuardrailChain.Verdict verdict = shop.guardrails().evaluate(attempt(run, shop, recent, now));
        Decision decision = verdict.decision();
        Instant until = decision instanceof Decision.Defer defer ? defer.until() : null;
        decisions.record(c, new RecordedDecision(run.shop(), run.shopperKey(), ID, timer.step(), id,
                verdict.guardrail(), verdict.outcome(), verdict.reason(), until, now));
        if (decision instanceof Decision.Defer defer) {
            timers.schedule(c, run.shop(), run.id(), timer.step(), defer.until());
            messages.defer(c, id, defer.reason(), defer.until(), now);
            return;
        }
        if (decision instanceof Decision.Skip skip) {
            messages.skip(c, id, skip.reason(), now);
            LOG.log(System.Logger.Level.INFO, "shop {0}: {1} SMS for checkout {2} skipped: {3}", run.shop(), ID,
                    run.subject(), skip.reason());
            end(c, run, JourneyRun.RunState.COMPLETED, "message skipped: " + skip.reason(), now);
        } else {
            messages.queue(c, id, run.phone(), SmsText.abandonedCheckout(run), now);
            end(c, run, JourneyRun.RunState.COMPLETED, "message queued", now);
        }
    }

    /** Ends every waiting run of the shop (the app was uninstalled). */
    public int cancelShop(Connection c, ShopId shop, String reason) throws SQLException {
        Instant now = clock.instant();
        int cancelled = runs.cancelAll(c, shop, reason, now);
        try (var delete = c.prepareStatement("DELETE FROM timer WHERE shop_id = ?")) {
            delete.setString(1, shop.value());
            delete.executeUpdate();
        }
        messages.cancelAllPending(c, shop, reason, now);
        return cancelled;
    }

    private void skip(Connection c, JourneyRun run, String messageId, String step, String guardrail, String reason,
                      Instant now) throws SQLException {
        decisions.record(c, new RecordedDecision(run.shop(), run.shopperKey(), ID, step, messageId, guardrail, "skip",
                reason, null, now));
        messages.skip(c, messageId, reason, now);
        LOG.log(System.Logger.Level.INFO, "shop {0}: {1} SMS for checkout {2} skipped: {3}", run.shop(), ID,
                run.subject(), reason);
        end(c, run, JourneyRun.RunState.COMPLETED, "message skipped: " + reason, now);
    }

    private void end(Connection c, JourneyRun run, JourneyRun.RunState state, String reason, Instant now)
            throws SQLException {
        runs.update(c, withState(run, state), now);
        runs.ended(c, run.id(), reason, now);
    }

    private static SendAttempt attempt(JourneyRun run, ShopSettings shop, List<Instant> recent, Instant now) {
        ResolvedZone zone = new ShopperTimeZones(shop.timeZone()).resolve(null, run.phone(), null);
        return new SendAttempt(run.shop(), ID, ChannelType.SMS, Consent.Purpose.MARKETING, run.phone(),
                run.smsConsent(), now, zone.zones(), zone.source(), ShopperTimeZones.country(run.phone(), null),
                recent);
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
        if (run.shopperKey() == null && updated.shopperKey() != null) {
            messages.tagShopper(c, run.id(), updated.shopperKey());
        }
    }

    private void convert(Connection c, ShopId shop, String subject, Optional<JourneyRun> existing, String reason,
                         Instant now) throws SQLException {
        if (existing.isEmpty()) {
            // The order came first (deliveries are not ordered): remember it, so a late checkout does not enter.
            runs.insert(c, new JourneyRun(UUID.randomUUID().toString(), shop, ID, subject,
                    JourneyRun.RunState.CONVERTED, null, null, null, null, null, null, now, null), now);
            return;
        }
        JourneyRun run = existing.get();
        if (run.state() == JourneyRun.RunState.CONVERTED || run.state() == JourneyRun.RunState.NOT_ENTERED) {
            return;
        }
        timers.cancel(c, run.id());
        messages.cancelPending(c, run.id(), reason, now);
        end(c, run, JourneyRun.RunState.CONVERTED, "converted: " + reason, now);
        LOG.log(System.Logger.Level.DEBUG, "shop {0}: checkout {1} converted: {2}", shop, subject, reason);
    }

    private static JourneyRun withCheckout(JourneyRun run, CheckoutUpdated checkout) {
        Shopper shopper = checkout.shopper();
        Consent sms = shopper.marketingConsent(ChannelType.SMS).orElse(run.smsConsent());
        return new JourneyRun(run.id(), run.shop(), run.journey(), run.subject(), run.state(),
                firstNonNull(shopper.firstName(), run.firstName()), firstNonNull(shopper.phone(), run.phone()),
                firstNonNull(shopper.email(), run.email()), sms,
                checkout.recoveryUrl() == null ? run.recoveryUrl() : checkout.recoveryUrl().toString(),
                firstNonNull(checkout.cartToken(), run.cartToken()), checkout.updatedAt(),
                firstNonNull(run.shopperKey(), ShopperKeys.of(shopper)));
    }

    private static JourneyRun withState(JourneyRun run, JourneyRun.RunState state) {
        return new JourneyRun(run.id(), run.shop(), run.journey(), run.subject(), state, run.firstName(), run.phone(),
                run.email(), run.smsConsent(), run.recoveryUrl(), run.cartToken(), run.subjectUpdatedAt(),
                run.shopperKey());
    }

    private static String idempotencyKey(JourneyRun run) {
        return run.shop().value() + ":" + ID + ":" + run.subject() + ":" + SMS_STEP;
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }
}
