package dev.beckon.gateway.mqtt;

/**
 * A message was not published: not connected, refused by the broker, or not acknowledged in time. The message says
 * which, for a retryable delivery failure.
 */
public final class MqttPublishException extends Exception {

    private static final long serialVersionUID = 1L;

    public MqttPublishException(String message) {
        super(message);
    }

    public MqttPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
