/**
 * The shop's store-app installs: the shopper's in-app opt-in to offers and the id fixed scanners hear for the
 * install's phone ({@link dev.beckon.gateway.apps.JdbcAppInstalls}), and the rewrite of zone events from that id
 * to the install id ({@link dev.beckon.gateway.apps.InstallResolvingSink}), so an offer goes to the install's topic.
 */
package dev.beckon.gateway.apps;
