package dev.beckon.engine.journeys;

import dev.beckon.api.model.ChannelType;
import dev.beckon.api.model.Consent;
import dev.beckon.engine.messages.JdbcMessageStore;
import dev.beckon.engine.messages.PendingMessage;
import dev.beckon.engine.scheduler.DueTimer;
import dev.beckon.engine.settings.JdbcShopSettingsStore;
import dev.beckon.engine.shoppers.JdbcAddressConsents;
import dev.beckon.engine.shoppers.RecipientKey;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a batch of fired timers reads, read before it fires with one query per table instead of one per timer: the
 * runs (locked), their scheduled and deferred messages, and for the addresses those messages go to, the send locks
 * (taken, in one order), the sends the frequency caps count and the consents on record.
 *
 * <p>It answers only what it knows to be current. A run's entries serve the first timer of that run in the batch
 * ({@link #takeRun}); a second timer of the same run reads the database, which holds what the first one wrote. A
 * message decided in the batch is forgotten ({@link #decided}), and a message cleared for an address counts at once
 * in that address's recent sends ({@link #cleared}). Anything it was not asked to read ahead is read from the
 * database as before, so a step that sends to an address nobody expected (a contact changed under a scheduled
 * message) is still decided under its own lock and count. Not thread-safe: one per transaction.
 */
final class ReadAhead {

    /** Nothing read ahead: every read goes to the database (events, the one-by-one fallback). */
    static final ReadAhead NONE = new ReadAhead(Map.of(), Map.of(), Map.of(), Set.of(), Map.of(), Map.of(), Map.of());

    private final Map<String, JourneyRun> runs;
    private final Map<String, Map<String, PendingMessage>> pending;
    private final Map<String, Consent.Purpose> purposes;
    private final Set<RecipientKey> locked;
    private final Map<RecipientKey, List<Instant>> recentSends;
    private final Map<RecipientKey, Instant> recentSince;
    private final Map<RecipientKey, Consent> consents;
    private String currentRun;
    private Map<String, PendingMessage> currentPending = Map.of();

    private ReadAhead(Map<String, JourneyRun> runs, Map<String, Map<String, PendingMessage>> pending,
                      Map<String, Consent.Purpose> purposes, Set<RecipientKey> locked,
                      Map<RecipientKey, List<Instant>> recentSends, Map<RecipientKey, Instant> recentSince,
                      Map<RecipientKey, Consent> consents) {
        this.runs = runs;
        this.pending = pending;
        this.purposes = purposes;
        this.locked = locked;
        this.recentSends = recentSends;
        this.recentSince = recentSince;
        this.consents = consents;
    }

    /**
     * Reads ahead for the claimed timers: their runs (locked, in id order), the pending messages of the waiting
     * ones, then for each address those messages go to (by the run's current contact): its send lock, taken in
     * {@link RecipientKey} order, its consent on record and, where the shop caps the channel, its sends within the
     * cap's window. Five queries for the batch, fewer if nothing needs them.
     */
    static ReadAhead load(Connection c, List<DueTimer> timers, JdbcJourneyRunStore runStore,
                          JdbcMessageStore messages, JdbcAddressConsents consentStore,
                          JdbcShopSettingsStore shopSettings, Instant now) throws SQLException {
        Set<String> runIds = new LinkedHashSet<>();
        timers.forEach(timer -> runIds.add(timer.runId()));
        Map<String, JourneyRun> runs = runStore.findAllById(c, runIds);
        List<String> waiting = runs.values().stream().filter(run -> run.status() == JourneyRun.Status.WAITING)
                .map(JourneyRun::id).toList();
        Map<String, Map<String, PendingMessage>> pending = messages.pendingOfRuns(c, waiting);
        Map<String, Consent.Purpose> purposes = new HashMap<>();
        Set<RecipientKey> recipients = new HashSet<>();
        Map<RecipientKey, Instant> recentSince = new HashMap<>();
        for (Map.Entry<String, Map<String, PendingMessage>> ofRun : pending.entrySet()) {
            JourneyRun run = runs.get(ofRun.getKey());
            for (PendingMessage message : ofRun.getValue().values()) {
                purposes.put(message.id(), message.purpose());
                ChannelType channel = message.channel();
                RecipientKey key = RecipientKey.of(run.shop(), channel, JourneyRuntime.address(channel, run.contact()));
                if (key != null && recipients.add(key)) {
                    Optional<Duration> window = shopSettings.get(c, run.shop()).capFor(channel).map(cap -> cap.per());
                    window.ifPresent(w -> recentSince.put(key, now.minus(w)));
                }
            }
        }
        messages.lockRecipients(c, recipients);
        Map<RecipientKey, List<Instant>> recent = recentSince.isEmpty() ? new HashMap<>()
                : messages.recentSends(c, recentSince.keySet(),
                        recentSince.values().stream().min(Instant::compareTo).orElseThrow());
        Map<RecipientKey, Consent> consents = consentStore.latest(c, recipients);
        return new ReadAhead(new HashMap<>(runs), pending, purposes, recipients, recent, recentSince, consents);
    }

    /** Whether the run was read ahead and not yet taken: then {@link #takeRun} answers for it. */
    boolean hasRun(String runId) {
        return runs.containsKey(runId);
    }

    /**
     * The run as read ahead, once: its pending messages now answer {@link #pending} until the next run is taken, and
     * a later timer of the same run reads the database.
     */
    JourneyRun takeRun(String runId) {
        JourneyRun run = runs.remove(runId);
        if (run == null) {
            throw new IllegalStateException("run " + runId + " was not read ahead, or was taken already");
        }
        currentRun = runId;
        Map<String, PendingMessage> ofRun = pending.get(runId);
        currentPending = ofRun == null ? new HashMap<>() : new HashMap<>(ofRun);
        pending.remove(runId);
        return run;
    }

    /**
     * The next timer's run is read from the database (a second timer of a run taken before, or a run not read
     * ahead): nothing read ahead answers {@link #pending} for it.
     */
    void leaveRun() {
        currentRun = null;
        currentPending = Map.of();
    }

    /**
     * Whether {@link #pending} answers for the run's step: the run is the one last {@linkplain #takeRun taken} and
     * the step's message was not decided since.
     */
    boolean knowsPending(String runId, String step) {
        return runId.equals(currentRun) && !(currentPending.containsKey(step) && currentPending.get(step) == null);
    }

    /** The pending message of the step of the run last taken, as read ahead; empty if the step had none. */
    Optional<PendingMessage> pending(String step) {
        return Optional.ofNullable(currentPending.get(step));
    }

    /** The step's message of the current run was decided (queued, deferred, skipped): forget what was read of it. */
    void decided(String runId, String step) {
        if (runId.equals(currentRun)) {
            currentPending.put(step, null);
        }
    }

    /** Whether this transaction holds the address's send lock already. */
    boolean holdsLock(RecipientKey key) {
        return locked.contains(key);
    }

    /**
     * When messages counted by the cap were cleared for the address after {@code since}; null if this does not know
     * (not read ahead, or read for a shorter window).
     */
    List<Instant> recentSends(RecipientKey key, Instant since) {
        Instant readSince = recentSince.get(key);
        if (readSince == null || since.isBefore(readSince)) {
            return null;
        }
        List<Instant> sends = new ArrayList<>();
        for (Instant sent : recentSends.getOrDefault(key, List.of())) {
            if (sent.isAfter(since)) {
                sends.add(sent);
            }
        }
        return sends;
    }

    /**
     * A message to the address was cleared in this transaction. If its row is a marketing message it counts towards
     * the cap from now on; that is known only for messages read ahead, so for any other the address's sends are read
     * again from the database.
     */
    void cleared(RecipientKey key, String messageId, Instant at) {
        if (!recentSince.containsKey(key)) {
            return;
        }
        Consent.Purpose purpose = purposes.get(messageId);
        if (purpose == null) {
            recentSince.remove(key);
        } else if (purpose == Consent.Purpose.MARKETING) {
            recentSends.computeIfAbsent(key, k -> new ArrayList<>()).add(at);
        }
    }

    /** Whether the address's consent on record was read ahead: then {@link #consent} answers for it. */
    boolean readConsent(RecipientKey key) {
        return locked.contains(key);
    }

    /** The address's latest consent on record as read ahead; null if it has none. */
    Consent consent(RecipientKey key) {
        return consents.get(key);
    }
}
