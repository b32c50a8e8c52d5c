package dev.beckon.engine.journeys;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.engine.decisions.RecordedDecision;
import dev.beckon.engine.guardrails.Decision;
import dev.beckon.engine.guardrails.GuardrailChain;
import dev.beckon.engine.guardrails.SendAttempt;
import dev.beckon.engine.messages.JdbcMessageStore;
import dev.beckon.engine.messages.MessageContent;
import dev.beckon.engine.messages.MessageState;
import dev.beckon.engine.messages.MessageView;
import dev.beckon.engine.settings.JdbcShopSettingsStore;
import dev.beckon.engine.settings.ShopSettings;
import dev.beckon.engine.shoppers.JdbcAddressConsents;
import dev.beckon.engine.shoppers.RecipientKey;
import dev.beckon.engine.timezones.ResolvedZone;
import dev.beckon.engine.templates.SmsSegments;
import dev.beckon.engine.timezones.ShopperTimeZones;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The send path every journey step shares: under the address's lock (so racing runs decide one after the other),
 * ask the shop's guardrail chain (consent, recipient, frequency cap, quiet hours), record the decision, and queue,
 * defer (re-arming the step's timer) or skip the message. Runs inside the caller's transaction. Stateless and
 * thread-safe. The decision and a deferral's timer go through the caller's {@link DeferredWrites}.
 */
final class MessageSender {

    private static final System.Logger LOG = System.getLogger(MessageSender.class.getName());

    /** A message ready for the guardrails. */
    record Outgoing(JourneyRun run, String step, String messageId, ChannelType channel, Consent.Purpose purpose,
                    String recipient, Consent knownConsent, MessageContent content) {
    }

    private final JdbcShopSettingsStore shopSettings;
    private final JdbcMessageStore messages;
    private final JdbcAddressConsents consents;

    MessageSender(JdbcShopSettingsStore shopSettings, JdbcMessageStore messages, JdbcAddressConsents consents) {
        this.shopSettings = Objects.requireNonNull(shopSettings);
        this.messages = Objects.requireNonNull(messages);
        this.consents = Objects.requireNonNull(consents);
    }

    /** Decides and records what happens to the message now. */
    Decision send(Connection c, Outgoing m, DeferredWrites writes, Instant now) throws SQLException {
        JourneyRun run = m.run();
        ReadAhead reads = writes.readAhead();
        ShopSettings shop = shopSettings.get(c, run.shop());
        RecipientKey recipient = RecipientKey.of(run.shop(), m.channel(), m.recipient());
        List<Instant> recent = List.of();
        Consent onRecord = null;
        if (recipient != null) {
            if (!reads.holdsLock(recipient)) {
                messages.lockRecipient(c, recipient);
            }
            Optional<Duration> window = shop.capFor(m.channel()).map(cap -> cap.per());
            if (window.isPresent()) {
                Instant since = now.minus(window.get());
                recent = reads.recentSends(recipient, since);
                if (recent == null) {
                    writes.flush(c); // the batch's cleared messages count
                    recent = messages.recentSends(c, recipient, since);
                }
            }
            onRecord = reads.readConsent(recipient) ? reads.consent(recipient)
                    : consents.latest(c, recipient).orElse(null);
        }
        Consent consent = newest(m.knownConsent(), onRecord);
        String phone = run.contact().phone();
        ResolvedZone zone = new ShopperTimeZones(shop.timeZone()).resolve(null, phone, null);
        SendAttempt attempt = new SendAttempt(run.shop(), run.journey(), m.channel(), m.purpose(), m.recipient(),
                consent, now, zone.zones(), zone.source(), ShopperTimeZones.country(phone, null), recent);
        GuardrailChain.Verdict verdict = shop.guardrails().evaluate(attempt);
        Decision decision = verdict.decision();
        Instant until = decision instanceof Decision.Defer defer ? defer.until() : null;
        writes.record(new RecordedDecision(run.shop(), run.shopperKey(), run.journey(), m.step(), m.messageId(),
                verdict.guardrail(), verdict.outcome(), verdict.reason(), until, now));
        reads.decided(run.id(), m.step());
        if (decision instanceof Decision.Defer defer) {
            writes.schedule(run.shop(), run.id(), m.step(), defer.until());
            messages.defer(c, m.messageId(), m.recipient(), m.content(), defer.reason(), defer.until(), now);
        } else if (decision instanceof Decision.Skip skip) {
            messages.skip(c, m.messageId(), m.recipient(), m.content(), skip.reason(), now);
            LOG.log(System.Logger.Level.INFO, "shop {0}: {1} step {2} of run {3} skipped: {4}", run.shop(),
                    run.journey(), m.step(), run.id(), skip.reason());
        } else {
            if (writes.sendsItself()) {
                if (writes.defersRows()) {
                    writes.queueClaimed(new JdbcMessageStore.Clearance(m.messageId(), m.channel(), m.recipient(),
                            m.content(), now));
                } else {
                    messages.queueClaimed(c, m.messageId(), m.channel(), m.recipient(), m.content(), now);
                }
                writes.claimed(claimedView(m, now));
            } else {
                messages.queue(c, m.messageId(), m.channel(), m.recipient(), m.content(), now);
            }
            if (recipient != null) {
                reads.cleared(recipient, m.messageId(), now);
            }
        }
        return decision;
    }

    /** Skips a message without asking the guardrails (a stale timer, a broken template), recording why. */
    void skip(Connection c, JourneyRun run, String step, String messageId, String guardrail, String reason,
              DeferredWrites writes, Instant now) throws SQLException {
        writes.record(new RecordedDecision(run.shop(), run.shopperKey(), run.journey(), step, messageId,
                guardrail, "skip", reason, null, now));
        writes.readAhead().decided(run.id(), step);
        messages.skip(c, messageId, reason, now);
        LOG.log(System.Logger.Level.INFO, "shop {0}: {1} step {2} of run {3} skipped: {4}", run.shop(),
                run.journey(), step, run.id(), reason);
    }

    /** The message as the dispatcher's claim would have read it: cleared, due now, not yet attempted. */
    private static MessageView claimedView(Outgoing m, Instant now) {
        MessageContent content = m.content();
        SmsSegments segments = content.segments();
        return new MessageView(m.messageId(), m.run().shop(), m.run().journey(), m.step(),
                m.channel().name().toLowerCase(Locale.ROOT), m.recipient(), MessageState.QUEUED, null, content.body(),
                null, 0, now, null, now, null, content.subject(), content.html(),
                segments == null ? null : segments.segments(), segments == null ? null : segments.encoding().name(),
                m.purpose());
    }

    /** The more recent of two consents (one without a time counts as older); null if both are. */
    private static Consent newest(Consent a, Consent b) {
        if (a == null || b == null) {
            return a != null ? a : b;
        }
        if (a.updatedAt() == null) {
            return b;
        }
        return b.updatedAt() != null && b.updatedAt().isAfter(a.updatedAt()) ? b : a;
    }
}
