/**
 * The {@link dev.beckon.video.storage.VideoStorage} SPI, its generated {@link dev.beckon.video.storage.StorageKey}s
 * and the default {@link dev.beckon.video.storage.LocalFileStorage}.
 */
package dev.beckon.video.storage;
