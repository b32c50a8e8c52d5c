/**
 * Video messages: thank-you video upload, transcoding, storage, links, HTTP Range streaming and view events.
 * Depends on {@code plugin-api}, Flyway and mp4parser's {@code isoparser}. By feature:
 * <ul>
 *   <li>{@code streaming}: RFC 9110 Range evaluation and response headers, pure;</li>
 *   <li>{@code upload}: content sniffing and capped, hashing copies;</li>
 *   <li>{@code storage}: the {@code VideoStorage} SPI with generated keys, and the local file system backend;</li>
 *   <li>{@code links}: random, expiring, revocable landing-page tokens;</li>
 *   <li>{@code metadata}: duration and picture size of MP4/MOV without ffmpeg, and the upload limits;</li>
 *   <li>{@code transcode}: ffmpeg detection, hardened command lines, a bounded transcode queue;</li>
 *   <li>{@code library}: the module's tables and JDBC stores, and the upload flow tying it all together.</li>
 * </ul>
 * Settings: {@link dev.beckon.video.VideoSettings}.
 */
package dev.beckon.video;
