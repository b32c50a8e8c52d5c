package dev.beckon.suite.video;

import dev.beckon.suite.config.SuiteSettings;
import dev.beckon.video.VideoSettings;
import dev.beckon.video.library.JdbcVideoLinkStore;
import dev.beckon.video.library.JdbcVideoStore;
import dev.beckon.video.library.JdbcViewEventStore;
import dev.beckon.video.library.Transactions;
import dev.beckon.video.library.UploadFlow;
import dev.beckon.video.metadata.VideoLimits;
import dev.beckon.video.storage.LocalFileStorage;
import dev.beckon.video.storage.VideoStorage;
import dev.beckon.video.transcode.Ffmpeg;
import dev.beckon.video.transcode.SystemProcessRunner;
import dev.beckon.video.transcode.TranscodeQueue;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wires the video module: its settings from MicroProfile Config (the {@code beckon.video.*} keys, with the storage
 * root defaulting to {@code <beckon.data-dir>/videos}), local storage, the JDBC stores, ffmpeg and the transcode
 * queue on Payara's managed threads, closed when the application stops.
 */
@ApplicationScoped
public class VideoProducer {

    private static final System.Logger LOG = System.getLogger(VideoProducer.class.getName());

    static final List<String> KEYS = List.of(VideoSettings.STORAGE_ROOT, VideoSettings.WORK_DIR,
            VideoSettings.UPLOAD_CAP_BYTES, VideoSettings.MAX_DURATION, VideoSettings.MAX_PIXELS,
            VideoSettings.LINK_LIFETIME, VideoSettings.FFMPEG_PATH, VideoSettings.TRANSCODE_WORKERS,
            VideoSettings.TRANSCODE_QUEUE_CAPACITY, VideoSettings.TRANSCODE_TIMEOUT);

    @Resource
    ManagedThreadFactory threadFactory;

    @Produces
    @Singleton
    VideoSettings videoSettings(SuiteSettings suite) {
        Config config = ConfigProvider.getConfig();
        Map<String, String> values = new HashMap<>();
        for (String key : KEYS) {
            config.getOptionalValue(key, String.class).ifPresent(value -> values.put(key, value));
        }
        return settingsFrom(values, suite);
    }

    /** The video settings from configured values; the storage root defaults to the data folder's "videos". */
    static VideoSettings settingsFrom(Map<String, String> values, SuiteSettings suite) {
        Map<String, String> withRoot = new HashMap<>(values);
        String root = withRoot.get(VideoSettings.STORAGE_ROOT);
        if (root == null || root.isBlank()) {
            withRoot.put(VideoSettings.STORAGE_ROOT, suite.dataDir().resolve("videos").toString());
        }
        return VideoSettings.from(withRoot);
    }

    @Produces
    @Singleton
    VideoStorage storage(VideoSettings settings) {
        try {
            return LocalFileStorage.at(settings.storageRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the video storage folder " + settings.storageRoot()
                    + " (set BECKON_VIDEO_STORAGE_ROOT to a writable folder)", e);
        }
    }

    @Produces
    @Singleton
    JdbcVideoStore videos(DataSource dataSource, Clock clock) {
        return new JdbcVideoStore(new Transactions(dataSource), clock);
    }

    @Produces
    @Singleton
    JdbcVideoLinkStore links(DataSource dataSource) {
        return new JdbcVideoLinkStore(new Transactions(dataSource));
    }

    @Produces
    @Singleton
    JdbcViewEventStore viewEvents(DataSource dataSource) {
        return new JdbcViewEventStore(new Transactions(dataSource));
    }

    @Produces
    @Singleton
    Ffmpeg ffmpeg(VideoSettings settings) {
        Ffmpeg ffmpeg = Ffmpeg.detect(settings.ffmpegPath());
        if (ffmpeg instanceof Ffmpeg.Available available) {
            LOG.log(System.Logger.Level.INFO, "ffmpeg {0} at {1}: uploaded videos are transcoded",
                    available.version(), available.executable());
        } else {
            LOG.log(System.Logger.Level.WARNING, "video transcoding is OFF: {0}. Uploads are still accepted and kept, "
                    + "but stay ''uploaded'' with this reason; no web MP4, poster or preview GIF is made, so landing "
                    + "pages cannot play them until ffmpeg is installed and the server restarted",
                    ((Ffmpeg.Missing) ffmpeg).reason());
        }
        return ffmpeg;
    }

    @Produces
    @Singleton
    TranscodeQueue transcodeQueue(VideoSettings settings) {
        return new TranscodeQueue(new SystemProcessRunner(), settings.transcodeWorkers(),
                settings.transcodeQueueCapacity(), settings.transcodeTimeout(), threadFactory);
    }

    void closeQueue(@Disposes TranscodeQueue queue) {
        queue.close();
    }

    @Produces
    @Singleton
    UploadFlow uploads(VideoStorage storage, JdbcVideoStore videos, TranscodeQueue queue, Ffmpeg ffmpeg,
                       VideoSettings settings) {
        return new UploadFlow(storage, videos, queue, ffmpeg, settings.workDir(), settings.uploadCapBytes(),
                new VideoLimits(settings.maxDuration(), settings.maxPixels()), settings.ffmpegCpuLimit());
    }
}
