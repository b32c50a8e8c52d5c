/**
 * The visits the zone events tell, kept in the gateway's tables: {@link dev.beckon.gateway.visits.VisitRecorder}
 * writes them off the ingest worker, {@link dev.beckon.gateway.visits.JdbcVisitStore} reads a store's visits page by
 * page (device or shopper, ordered enter/dwell/exit events with zone and time) and purges them after the retention
 * period unless their owner is kept (a consenting customer).
 */
package dev.beckon.gateway.visits;
