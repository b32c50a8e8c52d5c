/**
 * Canonical sightings to {@link dev.beckon.api.event.ProximityEvent}s: pairing lookup, RSSI filter per (device,
 * zone marker), zone state machine per store, and the {@link dev.beckon.gateway.pipeline.ProximitySink} the suite
 * wires to the engine.
 */
package dev.beckon.gateway.pipeline;
