package dev.beckon.video.metadata;

import org.mp4parser.PropertyBoxParserImpl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Makes mp4parser's isoparser work inside a WAR. Its box parser reads its box map with
 * {@code ClassLoader.getSystemResourceAsStream("isoparser2-default.properties")}, which finds nothing when the jar
 * sits in {@code WEB-INF/lib} rather than on the system class path, so every probe failed with a
 * NullPointerException and every MP4 upload was refused as unreadable (422). The parser first looks at its public
 * static {@code BOX_MAP_CACHE}; filling that once from the jar itself, before any upload, avoids the system class
 * loader. Idempotent; safe to call from several threads (they all store the same map).
 */
final class IsoparserBoxMap {

    static final String RESOURCE = "isoparser2-default.properties";

    private IsoparserBoxMap() {
    }

    static void prime() {
        if (PropertyBoxParserImpl.BOX_MAP_CACHE != null || ClassLoader.getSystemResource(RESOURCE) != null) {
            return;
        }
        try (InputStream in = PropertyBoxParserImpl.class.getResourceAsStream("/" + RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the isoparser jar");
            }
            Properties boxes = new Properties();
            boxes.load(in);
            PropertyBoxParserImpl.BOX_MAP_CACHE = boxes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the isoparser jar", e);
        }
    }
}
