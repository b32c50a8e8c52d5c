/**
 * Transcoding with a system ffmpeg run as a separate process: {@link dev.beckon.video.transcode.Ffmpeg} finds it
 * (or says why it is missing), {@link dev.beckon.video.transcode.FfmpegCommand} builds hardened argument lists for the
 * web-safe MP4, poster, GIF and personalised render, and {@link dev.beckon.video.transcode.TranscodeQueue} runs
 * them on a few workers behind a bounded queue with wall-clock limits.
 */
package dev.beckon.video.transcode;
