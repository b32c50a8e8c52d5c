/**
 * Beacon gateway: MQTT sightings from store scanners, beacon decoding (iBeacon, Eddystone, AltBeacon), the
 * pairing registry, RSSI filtering and the zone state machine that emits
 * {@link dev.beckon.api.event.ProximityEvent}s. Depends on {@code plugin-api} only.
 *
 * <p>Pure logic: {@code decode} (hex advertisement to {@code BeaconFrame}), {@code filter} (RSSI readings of one
 * device and beacon to a distance estimate), {@code zones} (estimates and clock ticks to enter, dwell, exit and
 * visit-ended events), {@code ingest} (MQTT topic and payload of three shapes to canonical sightings) and
 * {@code pipeline} (sightings through pairing, filter and zones to a {@code ProximitySink}). I/O: {@code pairing}
 * (the JDBC pairing registry with its Flyway migrations) and {@code mqtt} (the Paho ingestor). Bad input is
 * never an exception: it is a value with a reason, counted in {@link dev.beckon.gateway.Drops}.
 */
package dev.beckon.gateway;
