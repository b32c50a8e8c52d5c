/**
 * Delivering in-store offers to the shopper's store app over MQTT: the
 * {@link dev.beckon.gateway.offers.MqttAppOfferChannel} implements the engine's channel SPI for
 * {@link dev.beckon.api.model.ChannelType#APP}.
 */
package dev.beckon.gateway.offers;
