/**
 * HTTP Range for video streaming (RFC 9110 §14) as pure functions: {@link dev.beckon.video.streaming.RangeRequest}
 * decides between 200, 206 and 416, {@link dev.beckon.video.streaming.ResponseHeaders} gives the headers. The
 * JAX-RS endpoint that writes the bytes comes later and stays thin.
 */
package dev.beckon.video.streaming;
