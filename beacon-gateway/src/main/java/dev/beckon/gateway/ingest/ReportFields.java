package dev.beckon.gateway.ingest;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The top-level fields of a scanner's JSON object report (ESPresense, Theengs), read leniently: absent fields and
 * wrong types are empty values, never exceptions. {@link #read} takes the flat objects these scanners send straight
 * from their bytes ({@link FlatJsonFields}) and leaves anything else to JSON-P ({@link JsonPayload}), with the same
 * answers either way. Implementations are immutable and thread-safe.
 */
interface ReportFields {

    /** A string field, stripped; empty when absent, not a string, or blank. @param name never null */
    Optional<String> string(String name);

    /**
     * A numeric field, also accepted as a numeric string; empty when absent or not a finite number.
     *
     * @param name never null
     */
    OptionalDouble number(String name);

    /** Whether the field is present with any value, null included. @param name never null */
    boolean has(String name);

    /** The payload's fields, or empty when it is not UTF-8 JSON with an object at the top. */
    static Optional<ReportFields> read(byte[] payload) {
        FlatJsonFields flat = FlatJsonFields.read(payload);
        if (flat != null) {
            return Optional.of(flat);
        }
        return JsonPayload.object(payload).map(object -> new ReportFields() {
            @Override
            public Optional<String> string(String name) {
                return JsonPayload.string(object, name);
            }

            @Override
            public OptionalDouble number(String name) {
                return JsonPayload.number(object, name);
            }

            @Override
            public boolean has(String name) {
                return JsonPayload.has(object, name);
            }
        });
    }
}
