package dev.beckon.suite.engine;

import dev.beckon.engine.ProactiveEngine;
import dev.beckon.gateway.pairing.GatewaySchema;
import dev.beckon.suite.beacons.BeaconGateway;
import dev.beckon.suite.broker.EmbeddedBroker;
import dev.beckon.suite.config.SuiteSettings;
import dev.beckon.suite.persistence.SuiteSchema;
import dev.beckon.video.library.VideoSchema;
import dev.beckon.video.transcode.Ffmpeg;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Starts the suite when the application deploys: the operator token, the embedded broker, the migrations, and
 * the engine's worker. If the database is not reachable yet, the worker keeps trying and readiness says why, so
 * the process never dies of a slow database.
 */
@Singleton
@Startup
public class Bootstrap {

    private static final System.Logger LOG = System.getLogger(Bootstrap.class.getName());

    @Inject
    SuiteSettings settings;

    @Inject
    DataSource dataSource;

    @Inject
    ProactiveEngine engine;

    /** Makes the engine's worker threads (beckon.engine.workers of them, on their own fixed delay). */
    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    MetricRegistry metrics;

    /** Detected at start, so the log says at once whether uploads will be transcoded. */
    @Inject
    Ffmpeg ffmpeg;

    /** Started once the database is migrated, after the embedded broker. */
    @Inject
    BeaconGateway beacons;

    private volatile OperatorToken operatorToken;
    private volatile EmbeddedBroker broker;
    private volatile boolean migrated;
    private volatile String problem = "starting";
    private volatile Instant lastPass = Instant.now();
    private ScheduledExecutorService workers;

    @PostConstruct
    void start() {
        LOG.log(System.Logger.Level.INFO, "starting Beckon with {0}", settings);
        operatorToken = OperatorToken.resolve(settings.adminToken(), settings.dataDir());
        if (settings.embeddedBroker()) {
            EmbeddedBroker embedded = new EmbeddedBroker(settings.brokerHost(), settings.brokerPort());
            try {
                embedded.start();
                broker = embedded;
            } catch (RuntimeException e) {
                problem = e.getMessage();
                LOG.log(System.Logger.Level.ERROR, problem, e);
            }
        }
        migrate();
        long interval = settings.engine().pollInterval().toMillis();
        workers = Executors.newScheduledThreadPool(settings.engine().workers(), threadFactory);
        workers.scheduleWithFixedDelay(() -> tick(engine::runOnce), interval, interval, TimeUnit.MILLISECONDS);
        for (int i = 1; i < settings.engine().workers(); i++) {
            workers.scheduleWithFixedDelay(() -> tick(engine::fireAndSendOnce), interval, interval,
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (workers != null) {
            workers.shutdown();
        }
        beacons.close();
        if (broker != null) {
            broker.close();
        }
    }

    /**
     * One tick of a worker: the first runs {@link ProactiveEngine#runOnce()} (stored events too), the others
     * {@link ProactiveEngine#fireAndSendOnce()}.
     */
    private void tick(IntSupplier pass) {
        try {
            if (!migrated) {
                migrate();
                if (!migrated) {
                    return;
                }
            }
            // drain what is due (a backlog of a million timers is worked through without pausing between passes),
            // then wait for the next tick
            while (pass.getAsInt() > 0 && !Thread.currentThread().isInterrupted()) {
                lastPass = Instant.now();
            }
            lastPass = Instant.now();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "engine pass failed; retrying at the next tick", e);
        }
    }

    private synchronized void migrate() {
        if (migrated) {
            return;
        }
        try {
            int suite = SuiteSchema.migrate(dataSource);
            int engineTables = ProactiveEngine.migrate(dataSource);
            int videoTables = VideoSchema.migrate(dataSource);
            int gatewayTables = GatewaySchema.migrate(dataSource);
            migrated = true;
            metrics.gauge("beckon_engine_pending_events", engine, ProactiveEngine::pendingEvents);
            metrics.gauge("beckon_engine_timer_lateness_milliseconds", engine,
                    ProactiveEngine::lastTimerLatenessMillis);
            problem = broker == null && settings.embeddedBroker() ? problem : null;
            LOG.log(System.Logger.Level.INFO, "database ready ({0} migrations applied)",
                    suite + engineTables + videoTables + gatewayTables);
            startBeacons();
        } catch (RuntimeException e) {
            problem = "database not ready at " + settings.databaseUrl() + ": " + e.getMessage();
            LOG.log(System.Logger.Level.WARNING, problem);
        }
    }

    private void startBeacons() {
        try {
            beacons.start();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the beacon gateway did not start: " + e.getMessage(), e);
        }
    }

    public boolean migrated() {
        return migrated;
    }

    /** Why the suite is not ready; null when it is. */
    public String problem() {
        return problem;
    }

    public Instant lastPass() {
        return lastPass;
    }

    public OperatorToken operatorToken() {
        return operatorToken;
    }

    public EmbeddedBroker broker() {
        return broker;
    }
}
