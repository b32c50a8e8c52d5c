/**
 * What the engine asks of a store's admin API, platform-neutral: {@link dev.beckon.adapters.admin.StoreAdminApi}
 * (a customer's contact and consent, a single-use discount code, a checkout's recovery URL) and its values. Each
 * platform implements it in its own {@code admin} package. Uses only the JDK, plugin-api types and {@link
 * dev.beckon.adapters.http.PlatformCallException}, so the contract can move into plugin-api when the engine needs
 * it across the module boundary.
 */
package dev.beckon.adapters.admin;
