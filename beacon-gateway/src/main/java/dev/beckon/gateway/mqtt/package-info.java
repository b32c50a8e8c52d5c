/**
 * MQTT ingestion with Eclipse Paho: {@link dev.beckon.gateway.mqtt.MqttIngestor} subscribes to the sighting
 * topics, hands messages from Paho's callback to a bounded queue, and drains them on one worker into the
 * parsers and the pipeline.
 */
package dev.beckon.gateway.mqtt;
