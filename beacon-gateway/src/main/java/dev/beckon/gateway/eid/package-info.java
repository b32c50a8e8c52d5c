/**
 * Eddystone-EID resolution: the ephemeral id a beacon broadcasts is computed with AES-128 from its identity key,
 * its rotation exponent K and its 32-bit seconds counter ({@code eddystone-eid/eid-computation.md} of
 * google/eddystone). The gateway registers each beacon's identity key, precomputes the ids of the current and
 * neighbouring windows, and resolves an observed id to the beacon's stable {@code eid:} key only inside that
 * range, so a frame replayed from an older window is recognised as stale.
 */
package dev.beckon.gateway.eid;
