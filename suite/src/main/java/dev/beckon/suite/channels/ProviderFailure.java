package dev.beckon.suite.channels;

import dev.beckon.api.channel.DeliveryReceipt;

/** A retryable failure of a provider, thrown so the circuit breaker counts it, and turned back into a receipt. */
final class ProviderFailure extends RuntimeException {

    private final transient DeliveryReceipt.Failed receipt;

    private ProviderFailure(DeliveryReceipt.Failed receipt) {
        super(receipt.reason(), null, false, false);
        this.receipt = receipt;
    }

    static DeliveryReceipt throwIfRetryable(DeliveryReceipt receipt) {
        if (receipt instanceof DeliveryReceipt.Failed failed && failed.retryable()) {
            throw new ProviderFailure(failed);
        }
        return receipt;
    }

    DeliveryReceipt.Failed receipt() {
        return receipt;
    }
}
