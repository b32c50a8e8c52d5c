package dev.beckon.engine.outbox;

import dev.beckon.api.channel.Channel;
import dev.beckon.api.channel.DeliveryReceipt;
import dev.beckon.api.channel.OutboundMessage;
import dev.beckon.engine.channels.HtmlChannel;
import dev.beckon.api.model.MessageId;
import dev.beckon.api.plugin.PluginRegistry;
import dev.beckon.engine.messages.JdbcMessageStore;
import dev.beckon.engine.messages.MessageView;
import dev.beckon.engine.persistence.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Drains the outbox: claims queued messages (committed before any provider call, so nothing is sent that was not
 * recorded first), calls their channel, and records the provider's answer. A message is marked {@code sending}
 * in a transaction committed before the call; if the instance dies during the call, the message stays
 * {@code sending} and is failed as "outcome unknown" after the lease, never sent a second time. Thread-safe.
 */
public final class Dispatcher {

    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

    private final Transactions tx;
    private final JdbcMessageStore messages;
    private final PluginRegistry<Channel> channels;
    private final Backoff backoff;
    private final Duration sendLease;
    private final Clock clock;
    private final RandomGenerator random;

    public Dispatcher(Transactions tx, JdbcMessageStore messages, PluginRegistry<Channel> channels, Backoff backoff,
                      Duration sendLease, Clock clock, RandomGenerator random) {
        this.tx = Objects.requireNonNull(tx);
        this.messages = Objects.requireNonNull(messages);
        this.channels = Objects.requireNonNull(channels);
        this.backoff = Objects.requireNonNull(backoff);
        this.sendLease = Objects.requireNonNull(sendLease);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
    }

    /**
     * Sends up to {@code limit} due messages. Blocks on the providers. Each message is claimed ({@code sending}) and
     * committed before its provider is called; the provider's answer is recorded in the same transaction that claims
     * the next message (one commit per message), or on its own after the last one or if that claim fails.
     *
     * @return messages handed to a provider
     */
    public int dispatch(int limit) {
        List<String> due = tx.inTransaction(c -> messages.dueForDispatch(c, clock.instant(), limit));
        int sent = 0;
        Answer answered = null;
        for (String id : due) {
            Answer previous = answered;
            answered = null;
            MessageView message;
            try {
                message = tx.inTransaction(c -> {
                    if (previous != null) {
                        record(c, previous);
                    }
                    return messages.claimForSending(c, id, clock.instant());
                });
            } catch (RuntimeException e) {
                if (previous != null) {
                    tx.inTransaction(c -> record(c, previous));
                }
                throw e;
            }
            if (message != null) {
                answered = send(message);
                sent++;
            }
        }
        if (answered != null) {
            Answer last = answered;
            tx.inTransaction(c -> record(c, last));
        }
        return sent;
    }

    /** Fails messages whose sender died mid-call: the provider may or may not have them, so they are not resent. */
    public int failInterrupted(int limit) {
        Instant now = clock.instant();
        return tx.inTransaction(c -> {
            List<String> ids = messages.interrupted(c, now.minus(sendLease), limit);
            for (String id : ids) {
                messages.markFailed(c, id, "outcome unknown: the suite stopped while the provider was being called;"
                        + " not resent, to avoid a duplicate", now);
                LOG.log(System.Logger.Level.WARNING, "message {0}: sender stopped mid-call, marked failed", id);
            }
            return ids.size();
        });
    }

    /** A provider's answer about a message, to be recorded. */
    private record Answer(MessageView message, DeliveryReceipt receipt, int attempts, Instant at) {
    }

    private Answer send(MessageView message) {
        Optional<Channel> channel = channels.find(message.channel());
        DeliveryReceipt receipt = channel
                .map(ch -> call(ch, message))
                .orElseGet(() -> DeliveryReceipt.Failed.permanent("no '" + message.channel()
                        + "' channel is configured; known: " + String.join(", ", channels.ids())));
        int attempts = message.attempts() + 1;
        if (receipt instanceof DeliveryReceipt.Failed failed) {
            LOG.log(System.Logger.Level.WARNING, "message {0} on {1}: attempt {2} failed: {3}", message.id(),
                    message.channel(), attempts, failed.reason());
        }
        return new Answer(message, receipt, attempts, clock.instant());
    }

    private Void record(java.sql.Connection c, Answer answer) throws java.sql.SQLException {
        String id = answer.message().id();
        Instant now = answer.at();
        int attempts = answer.attempts();
        if (answer.receipt() instanceof DeliveryReceipt.Sent sent) {
            messages.markSent(c, id, sent.providerMessageId(), now);
        } else if (answer.receipt() instanceof DeliveryReceipt.Failed failed) {
            if (failed.retryable() && backoff.allowsAnother(attempts)) {
                Duration wait = backoff.delay(attempts, failed.retryAfter(), random);
                messages.retryLater(c, id, failed.reason() + " (attempt " + attempts + " of "
                        + backoff.maxAttempts() + ", retrying)", now.plus(wait), now);
            } else {
                messages.markFailed(c, id, failed.reason(), now);
            }
        }
        return null;
    }

    private static DeliveryReceipt call(Channel channel, MessageView message) {
        OutboundMessage outbound = new OutboundMessage(MessageId.of(message.id()), message.shop(),
                message.to(), message.subject(), message.body(), message.id());
        try {
            return channel instanceof HtmlChannel rich ? rich.send(outbound, message.html(), message.purpose()) : channel.send(outbound);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "channel " + channel.id() + " threw; treated as a retryable failure", e);
            return DeliveryReceipt.Failed.retryable("channel error: " + e, null);
        }
    }
}
