/**
 * BLE advertisement payloads (hex, as scanners publish them) to {@link dev.beckon.gateway.decode.BeaconFrame}s and
 * canonical {@link dev.beckon.gateway.decode.BeaconKey}s. Never throws on input; see
 * {@link dev.beckon.gateway.decode.AdvertisementDecoder}.
 */
package dev.beckon.gateway.decode;
