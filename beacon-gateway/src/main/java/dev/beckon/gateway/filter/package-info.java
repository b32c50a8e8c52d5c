/**
 * Per (device, beacon) RSSI filtering: a sliding window, median inside Tukey's fences, a velocity gate, and the
 * log-distance path-loss model; see {@link dev.beckon.gateway.filter.RssiWindowFilter}.
 */
package dev.beckon.gateway.filter;
