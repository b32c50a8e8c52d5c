/**
 * Personalisation of the shop's template clip: the optional burned-in render of a shopper's first name
 * ({@link dev.beckon.video.personalise.RenderQueue}), queued, time-limited and cached per (template, name). The
 * default personalisation stays the HTML overlay on the landing page, where the name never enters a file.
 */
package dev.beckon.video.personalise;
