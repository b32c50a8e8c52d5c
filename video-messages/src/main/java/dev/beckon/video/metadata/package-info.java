/**
 * Video metadata without ffmpeg: {@link dev.beckon.video.metadata.Mp4Probe} reads duration and picture size of
 * MP4/QuickTime files from their {@code moov} box, {@link dev.beckon.video.metadata.VideoLimits} says whether an
 * upload is acceptable.
 */
package dev.beckon.video.metadata;
