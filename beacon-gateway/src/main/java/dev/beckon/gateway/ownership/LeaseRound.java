package dev.beckon.gateway.ownership;

/**
 * What one {@link StoreLeases#renew()} round did.
 *
 * @param held    stores this instance owns after the round
 * @param claimed stores it took in this round (free, expired or released ones)
 * @param lost    stores it owned before the round and no longer does (taken by another instance after expiring)
 */
public record LeaseRound(int held, int claimed, int lost) {
}
