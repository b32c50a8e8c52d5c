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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.random.RandomGenerator;

/**
 * Drains the outbox: claims a batch of queued messages (committed before any provider call, so nothing is sent
 * that was not recorded first), calls their channels concurrently on the send executor, and records the providers'
 * answers in one transaction.
 *
 * <p>Crash window: the claimed batch is marked {@code sending} in a transaction committed before the calls. If the
 * instance dies during them, those messages stay {@code sending} and are failed as "outcome unknown" after the send
 * lease, never sent a second time. So a crash can leave at most one batch per dispatching worker
 * ({@code beckon.engine.batch-size}, 50 by default) without a known outcome; none is ever sent twice. Messages a
 * worker cleared while firing timers are committed as {@code sending} in the firing transaction and sent by
 * {@link #sendClaimed} right after it, so they have the same window. Thread-safe.
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
    private final Executor sends;

    /**
     * @param sends runs the provider calls of a batch; the batch waits for all of them. Its size bounds the calls in
     *              flight ({@code beckon.outbox.concurrency}); a direct executor ({@code Runnable::run}) sends one
     *              message after the other
     */
    public Dispatcher(Transactions tx, JdbcMessageStore messages, PluginRegistry<Channel> channels, Backoff backoff,
                      Duration sendLease, Clock clock, RandomGenerator random, Executor sends) {
        this.tx = Objects.requireNonNull(tx);
        this.messages = Objects.requireNonNull(messages);
        this.channels = Objects.requireNonNull(channels);
        this.backoff = Objects.requireNonNull(backoff);
        this.sendLease = Objects.requireNonNull(sendLease);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        this.sends = Objects.requireNonNull(sends);
    }

    /**
     * Sends up to {@code limit} due messages: claims them in one committed transaction, calls their providers
     * concurrently on the send executor, waits for every answer and records them in one transaction. A provider
     * that throws counts as a retryable failure of its message only.
     *
     * @return messages handed to a provider
     */
    public int dispatch(int limit) {
        return sendClaimed(tx.inTransaction(c -> messages.claimDue(c, clock.instant(), limit)));
    }

    /**
     * Sends messages this worker has already committed as {@code sending} (claimed by {@link #dispatch}, or cleared
     * by the guardrails straight into {@code sending} for the worker that fired them), concurrently, and records the
     * answers in one transaction.
     *
     * @param claimed the messages as they were before the claim (their {@code attempts} not yet counted)
     * @return messages handed to a provider
     */
    public int sendClaimed(List<MessageView> claimed) {
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Answer> answers = sendAll(claimed);
        List<JdbcMessageStore.Accepted> accepted = new ArrayList<>();
        for (Answer answer : answers) {
            if (answer.receipt() instanceof DeliveryReceipt.Sent sent) {
                accepted.add(new JdbcMessageStore.Accepted(answer.message().id(), sent.providerMessageId(),
                        answer.at()));
            }
        }
        tx.inTransaction(c -> {
            messages.markSent(c, accepted);
            for (Answer answer : answers) {
                recordFailure(c, answer);
            }
            return null;
        });
        return claimed.size();
    }

    private List<Answer> sendAll(List<MessageView> claimed) {
        if (claimed.size() == 1) {
            return List.of(send(claimed.get(0)));
        }
        List<CompletableFuture<Answer>> calls = new ArrayList<>(claimed.size());
        for (MessageView message : claimed) {
            CompletableFuture<Answer> call;
            try {
                call = CompletableFuture.supplyAsync(() -> send(message), sends);
            } catch (RejectedExecutionException e) {
                call = CompletableFuture.completedFuture(send(message)); // executor shutting down: send here
            }
            calls.add(call);
        }
        List<Answer> answers = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            answers.add(answerOf(calls.get(i), claimed.get(i)));
        }
        return answers;
    }

    private Answer answerOf(CompletableFuture<Answer> call, MessageView message) {
        try {
            return call.join();
        } catch (CompletionException | CancellationException e) {
            LOG.log(System.Logger.Level.ERROR, "sending message " + message.id() + " failed unexpectedly", e);
            return new Answer(message, DeliveryReceipt.Failed.retryable("send error: " + e.getCause(), null),
                    message.attempts() + 1, clock.instant());
        }
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

    /** A refusal is retried later (with backoff) or fails the message. */
    private void recordFailure(java.sql.Connection c, Answer answer) throws java.sql.SQLException {
        String id = answer.message().id();
        Instant now = answer.at();
        int attempts = answer.attempts();
        if (answer.receipt() instanceof DeliveryReceipt.Failed failed) {
            if (failed.retryable() && backoff.allowsAnother(attempts)) {
                Duration wait = backoff.delay(attempts, failed.retryAfter(), random);
                messages.retryLater(c, id, failed.reason() + " (attempt " + attempts + " of "
                        + backoff.maxAttempts() + ", retrying)", now.plus(wait), now);
            } else {
                messages.markFailed(c, id, failed.reason(), now);
            }
        }
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
