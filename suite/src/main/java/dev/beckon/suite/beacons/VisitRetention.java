package dev.beckon.suite.beacons;

import dev.beckon.gateway.visits.JdbcVisitStore;
import dev.beckon.gateway.visits.VisitOwner;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The visit retention rule: every {@code beckon.gateway.visits.purge-interval} (15 min), visits whose last event is
 * older than {@code beckon.gateway.visits.retention} (24 h) are deleted with their events, unless their owner is a
 * consenting customer.
 *
 * <p><b>Consent:</b> a visit counts as a consenting customer's when its device is linked to a shopper
 * ({@code JdbcVisitStore.linkShopper}, done when a signed-in app install's shopper agreed to the app's terms): an
 * anonymous device, e.g. a phone a fixed scanner heard, is never kept beyond the retention period.
 *
 * <p>A purge that fails (the database not migrated or not reachable yet) is logged and retried at the next run.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
public class VisitRetention {

    private static final System.Logger LOG = System.getLogger(VisitRetention.class.getName());
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);

    @Inject
    GatewaySettings settings;

    @Inject
    JdbcVisitStore visits;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> job;

    @PostConstruct
    void schedule() {
        long interval = settings.purgeInterval().toMillis();
        job = scheduler.scheduleWithFixedDelay(this::purgeQuietly, Math.min(FIRST_RUN.toMillis(), interval), interval,
                TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, "visits are kept {0} after their last event unless the shopper consented;"
                + " purged every {1}", settings.visitRetention(), settings.purgeInterval());
    }

    @PreDestroy
    void cancel() {
        if (job != null) {
            job.cancel(false);
        }
    }

    /** Deletes the expired visits of non-consenting owners now. @return how many were deleted */
    public int purge() {
        return purge(visits, clock.instant(), settings.visitRetention());
    }

    static int purge(JdbcVisitStore visits, Instant now, Duration retention) {
        return visits.purgeVisitsEndedBefore(now.minus(retention), VisitRetention::consenting);
    }

    /** Whether a visit's owner is a consenting customer: its device is linked to a shopper. */
    static boolean consenting(VisitOwner owner) {
        return owner.shopperId() != null && !owner.shopperId().isBlank();
    }

    private void purgeQuietly() {
        try {
            int deleted = purge();
            if (deleted > 0) {
                LOG.log(System.Logger.Level.INFO, "purged {0} visits older than {1}", deleted,
                        settings.visitRetention());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "purging expired visits failed; retrying at the next run: {0}",
                    e.getMessage());
        }
    }
}
