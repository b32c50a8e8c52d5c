/**
 * Video messages: thank-you video upload, transcoding, storage, signed links, HTTP Range streaming and view
 * measurement. Built in a later issue; the module exists so the dependency rule holds from the start: it
 * depends on {@code plugin-api} only.
 */
package dev.beckon.video;
