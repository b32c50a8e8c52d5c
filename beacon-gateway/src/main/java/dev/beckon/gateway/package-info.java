/**
 * Beacon gateway: MQTT sightings from store scanners, beacon decoding (iBeacon, Eddystone, AltBeacon), the
 * pairing registry, RSSI filtering and the zone state machine that emits
 * {@link dev.beckon.api.event.ProximityEvent}s. Built in a later issue; the module exists so the dependency rule
 * holds from the start: it depends on {@code plugin-api} only.
 */
package dev.beckon.gateway;
