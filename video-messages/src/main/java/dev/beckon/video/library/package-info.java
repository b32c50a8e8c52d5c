/**
 * The video library: the module's tables ({@code video}, {@code video_link}, {@code video_view_event}, migrated by
 * {@link dev.beckon.video.library.VideoSchema}), their JDBC stores, and the
 * {@link dev.beckon.video.library.UploadFlow} from request body to a {@code READY} web-safe rendition.
 */
package dev.beckon.video.library;
