/**
 * Spoofing and plausibility checks on the pipeline's path, pure and clock-injected: a radio identity heard in two
 * stores of a shop at once ({@link dev.beckon.gateway.plausibility.TwoStoreCheck}) and a device whose zone changes
 * imply a walking speed no shopper has ({@link dev.beckon.gateway.plausibility.SpeedCheck}). What they flag is
 * dropped and counted, never acted on.
 */
package dev.beckon.gateway.plausibility;
