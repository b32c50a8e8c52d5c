package dev.beckon.api.model;

/** The kinds of channel Beckon can reach a shopper on. Consent is given per channel type. */
public enum ChannelType {
    SMS,
    WHATSAPP,
    EMAIL,
    WEB_PUSH,
    /** The store's own app, reached over MQTT. */
    APP
}
