/** The platform-adapter SPI: a raw webhook in, {@code Accepted | Ignored | Rejected} out. */
package dev.beckon.api.platform;
