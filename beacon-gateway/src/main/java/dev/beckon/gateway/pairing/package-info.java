/**
 * The pairing registry: stores, zones, scanners, and beacons paired to zones with calibration, kept in the
 * database ({@link dev.beckon.gateway.pairing.JdbcPairingStore}, Flyway migrations in {@code db/gateway}) and
 * read by the ingest path from an in-memory snapshot ({@link dev.beckon.gateway.pairing.PairingRegistry}).
 */
package dev.beckon.gateway.pairing;
