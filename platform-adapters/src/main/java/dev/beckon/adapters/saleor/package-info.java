/**
 * The Saleor platform adapter: verifies {@code Saleor-Signature} (a JWS, RS256, with a detached unencoded payload
 * per RFC 7797, keyed by the instance's JWKS; or the deprecated hex HMAC-SHA256 when the webhook has a secret
 * key), then maps subscription payloads onto canonical events. Entry point:
 * {@link dev.beckon.adapters.saleor.SaleorAdapter}. Keys come from a {@link dev.beckon.adapters.saleor.JwksSource}
 * ({@link dev.beckon.adapters.saleor.HttpJwksSource} in production) through
 * {@link dev.beckon.adapters.saleor.CachingJwks}.
 */
package dev.beckon.adapters.saleor;
