/**
 * Landing-page links: random, unguessable, expiring, revocable tokens ({@link dev.beckon.video.links.LinkTokens})
 * checked against an injected clock.
 */
package dev.beckon.video.links;
