/**
 * Upload intake: {@link dev.beckon.video.upload.ContentSniffer} decides the real container from the first bytes,
 * {@link dev.beckon.video.upload.CappedCopy} streams to storage under a byte cap. Declared types and file names
 * are never trusted or used.
 */
package dev.beckon.video.upload;
