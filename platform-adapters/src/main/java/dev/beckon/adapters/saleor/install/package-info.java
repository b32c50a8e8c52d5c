/**
 * Saleor's app install (knowledge file 6.2): {@link dev.beckon.adapters.saleor.install.AppManifest} renders the
 * manifest a Saleor dashboard reads, and {@link dev.beckon.adapters.saleor.install.SaleorRegistration} handles the
 * register call ({@code POST tokenTargetUrl {"auth_token"}}): validates the API URL, verifies the token with
 * {@code query { app { id } }} and fetches the JWKS so webhook verification works at once. HTTP goes through the
 * {@link dev.beckon.adapters.saleor.install.SaleorApi} port and the adapter's {@link
 * dev.beckon.adapters.saleor.JwksSource}. No persistence: the suite stores the returned {@link
 * dev.beckon.adapters.saleor.install.SaleorCredentials}.
 */
package dev.beckon.adapters.saleor.install;
