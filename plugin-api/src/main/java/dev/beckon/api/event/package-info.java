/**
 * Canonical events: an {@link dev.beckon.api.event.EventEnvelope} around one sealed
 * {@link dev.beckon.api.event.EventPayload} record. Platform adapters and the beacon gateway produce them; the
 * engine consumes them. All types are immutable.
 */
package dev.beckon.api.event;
