/**
 * Beacon gateway: MQTT sightings from store scanners, beacon decoding (iBeacon, Eddystone, AltBeacon), the
 * pairing registry, RSSI filtering and the zone state machine that emits
 * {@link dev.beckon.api.event.ProximityEvent}s. Depends on {@code plugin-api} only.
 *
 * <p>Pure logic so far, no I/O: {@code decode} (hex advertisement to {@code BeaconFrame}), {@code filter}
 * (RSSI readings of one device and beacon to a distance estimate) and {@code zones} (estimates and clock ticks to
 * enter, dwell, exit and visit-ended events). Bad input is never an exception: it is a value with a reason,
 * counted in {@link dev.beckon.gateway.Drops}.
 */
package dev.beckon.gateway;
