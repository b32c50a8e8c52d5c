/**
 * Signature primitives shared by the platform adapters: HMAC-SHA256 (empty keys included) and constant-time
 * comparison. Each platform's scheme (what is signed, how the header is encoded) lives with its adapter.
 */
package dev.beckon.adapters.signature;
