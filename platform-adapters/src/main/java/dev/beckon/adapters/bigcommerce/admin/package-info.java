/**
 * BigCommerce's REST Management API v3 (knowledge file 4.3): {@link
 * dev.beckon.adapters.bigcommerce.admin.BigCommerceV3} is the MicroProfile REST client, {@link
 * dev.beckon.adapters.bigcommerce.admin.BigCommerceClients} builds one per store with its throttle (fed by {@code
 * X-Rate-Limit-*}), and {@link dev.beckon.adapters.bigcommerce.admin.BigCommerceAdminApi} and {@link
 * dev.beckon.adapters.bigcommerce.admin.BigCommerceHooks} are the operations on top.
 */
package dev.beckon.adapters.bigcommerce.admin;
