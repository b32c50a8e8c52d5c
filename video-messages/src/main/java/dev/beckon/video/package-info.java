/**
 * Video messages: thank-you video upload, storage, links and HTTP Range streaming; transcoding and view
 * measurement come later. Depends on {@code plugin-api} only. By feature:
 * <ul>
 *   <li>{@code streaming}: RFC 9110 Range evaluation and response headers, pure;</li>
 *   <li>{@code upload}: content sniffing and capped, hashing copies;</li>
 *   <li>{@code storage}: the {@code VideoStorage} SPI with generated keys, and the local file system backend;</li>
 *   <li>{@code links}: random, expiring, revocable landing-page tokens.</li>
 * </ul>
 */
package dev.beckon.video;
