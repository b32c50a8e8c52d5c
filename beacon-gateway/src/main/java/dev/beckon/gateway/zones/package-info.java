/**
 * The zone state machine per (store, device), with hysteresis and freshness; see
 * {@link dev.beckon.gateway.zones.ZoneTracker} and {@link dev.beckon.gateway.zones.ZoneSettings} for the rules and
 * their defaults.
 */
package dev.beckon.gateway.zones;
