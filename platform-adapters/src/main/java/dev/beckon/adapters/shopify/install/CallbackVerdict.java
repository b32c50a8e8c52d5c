package dev.beckon.adapters.shopify.install;

import java.util.Objects;

/** What {@link OAuthCallbackVerifier} made of an OAuth callback. */
public sealed interface CallbackVerdict {

    /** Signed by Shopify, fresh, for the install this browser started; go on to exchange the code. */
    record Verified(ShopDomain shop) implements CallbackVerdict {

        public Verified {
            Objects.requireNonNull(shop, "shop");
        }
    }

    /**
     * Not to be trusted; answer 400 (or 403) with the reason.
     *
     * @param reason safe to show: names no secret, no expected HMAC and no expected state
     */
    record Refused(String reason) implements CallbackVerdict {

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
