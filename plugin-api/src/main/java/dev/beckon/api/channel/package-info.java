/** The channel SPI: an outbound message in, a delivery receipt out. */
package dev.beckon.api.channel;
