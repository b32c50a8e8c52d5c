/**
 * BigCommerce app callbacks ({@code /load}, {@code /uninstall}, {@code /remove_user}; knowledge file 4.2): {@link
 * dev.beckon.adapters.bigcommerce.install.SignedPayloadJwt} verifies their {@code signed_payload_jwt}. No HTTP here.
 */
package dev.beckon.adapters.bigcommerce.install;
