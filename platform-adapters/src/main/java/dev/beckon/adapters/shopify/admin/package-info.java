/**
 * Shopify's GraphQL Admin API (knowledge file 2.5): {@link dev.beckon.adapters.shopify.admin.ShopifyGraphql} is the
 * MicroProfile REST client, {@link dev.beckon.adapters.shopify.admin.ShopifyClients} builds one per shop with its
 * throttle, {@link dev.beckon.adapters.shopify.admin.GraphqlCalls} runs a query paced by the answer's calculated
 * cost and waits out {@code THROTTLED}, and {@link dev.beckon.adapters.shopify.admin.ShopifyAdminApi} and {@link
 * dev.beckon.adapters.shopify.admin.ShopifyWebhookSubscriptions} are the operations on top.
 */
package dev.beckon.adapters.shopify.admin;
