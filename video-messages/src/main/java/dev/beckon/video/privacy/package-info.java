/**
 * Privacy operations across the module: a shopper's erasure request and revoking a link
 * ({@link dev.beckon.video.privacy.VideoPrivacy}).
 */
package dev.beckon.video.privacy;
