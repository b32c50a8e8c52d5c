/**
 * One owner per store across gateway instances: {@link dev.beckon.gateway.ownership.StoreOwnership} is what the
 * pipeline asks (in memory, per sighting), {@link dev.beckon.gateway.ownership.StoreLeases} answers it from leases
 * in the shared database, claimed, renewed and released by a loop off the ingest thread.
 */
package dev.beckon.gateway.ownership;
