package dev.beckon.gateway.ingest;

import java.util.Optional;

/**
 * Which registered scanner an MQTT publisher is. ESPresense and Theengs topics carry no shop or store, only a
 * room slug or a gateway name, so those names must be unique per broker; Beckon topics name the scanner fully and
 * only need to be checked.
 *
 * <p>Implementations must be thread-safe and must not block for long: parsers call them on the ingest worker for
 * every message (the pairing registry answers from an in-memory snapshot).
 */
public interface ScannerDirectory {

    /**
     * @param source ESPRESENSE or THEENGS; never null
     * @param name   the room slug or gateway name as it appears in the topic; never null
     * @return the scanner, or empty when no scanner of that source has that name
     */
    Optional<ScannerRef> byExternalName(ScannerSource source, String name);

    /** Whether {@code scanner} is registered (its store included). @param scanner never null */
    boolean isRegistered(ScannerRef scanner);
}
