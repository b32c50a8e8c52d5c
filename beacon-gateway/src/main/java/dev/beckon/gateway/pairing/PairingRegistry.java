package dev.beckon.gateway.pairing;

import dev.beckon.gateway.ingest.ScannerDirectory;
import dev.beckon.gateway.ingest.ScannerRef;
import dev.beckon.gateway.ingest.ScannerSource;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The pairing registry as the ingest path sees it: an in-memory {@link PairingSnapshot}, replaced as a whole by
 * {@link #refresh()} after the registry changed (or periodically). Lookups never touch the database.
 *
 * <p>Thread-safe: lookups read the current snapshot without locking; {@code refresh} blocks on the database and
 * belongs on an admin or scheduler thread, never on the MQTT callback.
 */
public final class PairingRegistry implements ScannerDirectory, Supplier<PairingSnapshot> {

    private final JdbcPairingStore store;
    private final AtomicReference<PairingSnapshot> current = new AtomicReference<>(PairingSnapshot.empty());

    /** Starts empty; call {@link #refresh()} once the schema is migrated. @param store never null */
    public PairingRegistry(JdbcPairingStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Reloads the registry from the database.
     *
     * @return the new snapshot
     * @throws PairingStorageException when the database fails; the previous snapshot stays in use
     */
    public PairingSnapshot refresh() {
        PairingSnapshot loaded = store.load();
        current.set(loaded);
        return loaded;
    }

    /** The snapshot in use now; never null. */
    @Override
    public PairingSnapshot get() {
        return current.get();
    }

    @Override
    public Optional<ScannerRef> byExternalName(ScannerSource source, String name) {
        return current.get().byExternalName(source, name);
    }

    @Override
    public boolean isRegistered(ScannerRef scanner) {
        return current.get().isRegistered(scanner);
    }
}
