package dev.beckon.gateway.ingest;

/** Which kind of MQTT publisher a scanner is, i.e. which namespace its external name lives in. */
public enum ScannerSource {
    /** Beckon's own topic; the scanner is named by shop, store and scanner id in the topic itself. */
    BECKON,
    /** An ESPresense node, named by its room slug ({@code espresense/devices/<id>/<room>}). */
    ESPRESENSE,
    /** A Theengs Gateway or OpenMQTTGateway, named by its gateway topic level ({@code home/<gateway>/BTtoMQTT/..}). */
    THEENGS
}
