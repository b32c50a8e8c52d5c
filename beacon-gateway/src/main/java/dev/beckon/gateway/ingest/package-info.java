/**
 * MQTT messages of three shapes (Beckon batches, ESPresense, Theengs/OpenMQTTGateway) to one canonical
 * {@link dev.beckon.gateway.ingest.Sighting}. Parsers are pure functions of topic and payload (plus the injected
 * clock and scanner directory) that never throw: bad input is a {@link dev.beckon.gateway.ingest.ParseResult.Dropped}
 * or a skipped entry with an {@link dev.beckon.gateway.ingest.IngestDrop} reason.
 */
package dev.beckon.gateway.ingest;
