package dev.beckon.suite.beacons;

import dev.beckon.api.model.VisitId;
import dev.beckon.engine.ProactiveEngine;
import dev.beckon.gateway.Drops;
import dev.beckon.gateway.apps.InstallDevices;
import dev.beckon.gateway.apps.InstallResolvingSink;
import dev.beckon.gateway.apps.JdbcAppInstalls;
import dev.beckon.gateway.decode.AdvertisementDecoder;
import dev.beckon.gateway.decode.DecodeFailure;
import dev.beckon.gateway.ingest.BeckonTopicParser;
import dev.beckon.gateway.ingest.EspresenseParser;
import dev.beckon.gateway.ingest.IngestDrop;
import dev.beckon.gateway.ingest.IngestLimits;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.TheengsParser;
import dev.beckon.gateway.ingest.TopicRouter;
import dev.beckon.gateway.mqtt.MqttIngestor;
import dev.beckon.gateway.mqtt.MqttProtocol;
import dev.beckon.gateway.ownership.StoreKey;
import dev.beckon.gateway.ownership.StoreLeases;
import dev.beckon.gateway.pairing.PairingRegistry;
import dev.beckon.gateway.pairing.PairingSnapshot;
import dev.beckon.gateway.pairing.PairingStorageException;
import dev.beckon.gateway.pairing.Proposal;
import dev.beckon.gateway.pairing.ProposalSettings;
import dev.beckon.gateway.pairing.UnpairedBeacons;
import dev.beckon.gateway.pipeline.PipelineDrop;
import dev.beckon.gateway.pipeline.SightingPipeline;
import dev.beckon.gateway.visits.JdbcVisitStore;
import dev.beckon.gateway.visits.VisitRecorder;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the beacon gateway inside the suite: the pairing registry's snapshot, the three sighting parsers, the
 * pipeline whose zone events name the app install that claimed the device ({@link InstallResolvingSink}) and are
 * recorded as visits ({@link VisitRecorder}) and go to the engine's inbox (each on
 * its own managed thread with a bounded queue, so the ingest worker never waits for the database), and the MQTT
 * ingestor, which connects with the suite's MQTT account and also ticks the pipeline about once a second.
 * {@link #start()} is called by the bootstrap once the schema is migrated and the broker is up; {@link #close()}
 * when the application stops. Drops are exported as metrics by reason.
 *
 * <p>With several suite instances on one database, each store's zone state runs on the one instance holding its
 * lease ({@link StoreLeases}): the registry's stores are claimed at start and after a change, the leases are
 * renewed (and stores seen but unowned claimed) every {@code beckon.gateway.ownership.renew} on the managed
 * scheduler, and released on {@link #close()} so another instance takes them over at once.
 */
@ApplicationScoped
public class BeaconGateway {

    private static final System.Logger LOG = System.getLogger(BeaconGateway.class.getName());

    @Inject
    GatewaySettings settings;

    @Inject
    PairingRegistry registry;

    @Inject
    ProactiveEngine engine;

    @Inject
    JdbcVisitStore visits;

    @Inject
    JdbcAppInstalls appInstalls;

    @Inject
    InstallDevices installDevices;

    @Inject
    Clock clock;

    @Inject
    MetricRegistry metrics;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    StoreLeases leases;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> leaseLoop;
    private volatile boolean leasing;

    private MqttIngestor ingestor;
    private ThreadPoolExecutor handOff;
    private VisitRecorder recorder;
    private UnpairedBeacons unpaired;

    /** Loads the pairing registry and connects to the broker; returns without waiting for it. Idempotent. */
    public synchronized void start() {
        if (ingestor != null) {
            return;
        }
        refresh();
        if (!settings.enabled()) {
            LOG.log(System.Logger.Level.INFO, "beacon gateway disabled ({0}=false)", GatewaySettings.ENABLED);
            return;
        }
        handOff = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.sinkQueueCapacity()), threadFactory, new ThreadPoolExecutor.AbortPolicy());
        EngineSink sink = new EngineSink(engine::accept, handOff, clock);
        recorder = new VisitRecorder(visits, settings.visitQueueCapacity(), threadFactory);
        Drops<DecodeFailure> decodeFailures = new Drops<>(DecodeFailure.class);
        AdvertisementDecoder decoder = new AdvertisementDecoder(decodeFailures);
        IngestLimits limits = IngestLimits.defaults();
        TopicRouter router = new TopicRouter(List.of(new BeckonTopicParser(registry, decoder, clock, limits),
                new EspresenseParser(registry, clock, limits), new TheengsParser(registry, decoder, clock, limits)));
        loadAppInstalls();
        startLeasing();
        SightingPipeline pipeline = new SightingPipeline(registry, settings.pipeline(), clock,
                () -> VisitId.of(UUID.randomUUID().toString()),
                new InstallResolvingSink(installDevices, recorder.andThen(sink)), unpaired(), leases);
        MqttIngestor started = new MqttIngestor(settings.mqtt(), router, pipeline, clock, threadFactory);
        started.start();
        ingestor = started;
        registerMetrics(started, pipeline, sink, recorder, decodeFailures);
        LOG.log(System.Logger.Level.INFO, "beacon gateway subscribed to {0} at {1}", router.topicFilters(),
                settings.mqtt().brokerUrl());
    }

    /** Reloads the pairing registry after a change; a failure leaves the previous snapshot in use. */
    public void refresh() {
        try {
            registry.refresh();
        } catch (PairingStorageException e) {
            LOG.log(System.Logger.Level.ERROR, "reloading the beacon pairing failed; the previous pairing stays in use",
                    e);
        }
        if (leasing) {
            claimRegisteredStores();
        }
    }

    /** Claims the registry's stores nobody holds, then renews every {@code renew} on the managed scheduler. */
    private void startLeasing() {
        leasing = true;
        claimRegisteredStores();
        long every = leases.settings().renew().toMillis();
        leaseLoop = scheduler.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    }

    private void claimRegisteredStores() {
        try {
            leases.claim(registry.get().stores().stream().filter(store -> store.layout().isPresent())
                    .map(store -> new StoreKey(store.shop(), store.store())).toList());
        } catch (PairingStorageException e) {
            LOG.log(System.Logger.Level.WARNING, "claiming store leases failed; retrying at the next round: {0}",
                    e.getMessage());
        }
    }

    private void renewLeases() {
        try {
            leases.renew();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "renewing store leases failed; the stores held stay owned until"
                    + " their leases expire: {0}", e.getMessage());
        }
    }

    /**
     * What a scanner hears for pairing by proximity: the unpaired beacons it hears now and the one it proposes,
     * if any; beacons paired in any store of the shop are left out. Never blocks on the database.
     */
    public Proposal proposals(ScannerRef scanner) {
        PairingSnapshot snapshot = registry.get();
        return unpaired().propose(scanner, key -> snapshot.pairedInShop(scanner.shop(), key));
    }

    private synchronized UnpairedBeacons unpaired() {
        if (unpaired == null) {
            unpaired = new UnpairedBeacons(ProposalSettings.defaults(), clock);
        }
        return unpaired;
    }

    /** Loads which devices fixed scanners hear belong to which app install; a failure leaves them unresolved. */
    private void loadAppInstalls() {
        try {
            installDevices.replaceAll(appInstalls.all());
        } catch (PairingStorageException e) {
            LOG.log(System.Logger.Level.ERROR, "loading the app installs failed; zone events name the devices the"
                    + " scanners heard until an install registers again", e);
        }
    }

    /** Whether the gateway is connected to its broker now. */
    public synchronized boolean connected() {
        return ingestor != null && ingestor.isConnected();
    }

    /**
     * The gateway's MQTT connection in a few words, for the readiness check: {@code disabled}, {@code connected
     * (MQTT 5)}, {@code reconnecting (MQTT 3.1.1)}, or {@code not connected: <why the last attempt failed>}.
     */
    public synchronized String connectionState() {
        if (ingestor == null) {
            return settings.enabled() ? "not started" : "disabled";
        }
        MqttProtocol protocol = ingestor.protocol();
        if (ingestor.isConnected()) {
            return "connected (" + protocol + ")";
        }
        if (protocol != null) {
            return "reconnecting (" + protocol + ")";
        }
        String failure = ingestor.lastFailure();
        return failure == null ? "connecting" : "not connected: " + failure;
    }

    /** Disconnects and stops the workers. Idempotent. */
    public synchronized void close() {
        if (leaseLoop != null) {
            leaseLoop.cancel(false);
            leaseLoop = null;
        }
        if (ingestor != null) {
            ingestor.close();
            ingestor = null;
        }
        if (leasing) {
            leasing = false;
            try {
                leases.release();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "releasing store leases failed; other instances take the stores"
                        + " when they expire: {0}", e.getMessage());
            }
        }
        if (handOff != null) {
            handOff.shutdown();
            try {
                handOff.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handOff = null;
        }
        if (recorder != null) {
            recorder.close();
            recorder = null;
        }
    }

    private void registerMetrics(MqttIngestor mqtt, SightingPipeline pipeline, EngineSink sink,
                                 VisitRecorder visitRecorder, Drops<DecodeFailure> decodeFailures) {
        try {
            for (IngestDrop reason : IngestDrop.values()) {
                metrics.gauge("beckon_gateway_ingest_dropped", mqtt, m -> m.drops().countOf(reason),
                        new Tag("reason", reason.name()));
            }
            for (PipelineDrop reason : PipelineDrop.values()) {
                metrics.gauge("beckon_gateway_pipeline_dropped", pipeline, p -> p.drops().countOf(reason),
                        new Tag("reason", reason.name()));
            }
            for (DecodeFailure reason : DecodeFailure.values()) {
                metrics.gauge("beckon_gateway_decode_failed", decodeFailures, d -> d.countOf(reason),
                        new Tag("reason", reason.name()));
            }
            metrics.gauge("beckon_gateway_messages_received", mqtt, MqttIngestor::received);
            metrics.gauge("beckon_gateway_events_dropped", sink, s -> s.rejected() + s.failed());
            metrics.gauge("beckon_gateway_connected", mqtt, m -> m.isConnected() ? 1 : 0);
            for (MqttProtocol protocol : MqttProtocol.values()) {
                metrics.gauge("beckon_gateway_mqtt_protocol", mqtt, m -> m.protocol() == protocol ? 1 : 0,
                        new Tag("protocol", protocol.label()));
            }
            metrics.gauge("beckon_gateway_stores_owned", leases, l -> l.owned().size());
            metrics.gauge("beckon_gateway_visit_events_recorded", visitRecorder, VisitRecorder::recorded);
            metrics.gauge("beckon_gateway_visit_events_dropped", visitRecorder, r -> r.dropped() + r.failed());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "beacon gateway metrics not registered: {0}", e.getMessage());
        }
    }
}
