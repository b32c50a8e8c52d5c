/**
 * The {@link dev.beckon.video.storage.VideoStorage} SPI, its generated {@link dev.beckon.video.storage.StorageKey}s,
 * the default {@link dev.beckon.video.storage.LocalFileStorage} and {@link dev.beckon.video.storage.S3Storage}.
 */
package dev.beckon.video.storage;
