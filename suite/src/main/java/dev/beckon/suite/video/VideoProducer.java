package dev.beckon.suite.video;

import dev.beckon.suite.config.SuiteSettings;
import dev.beckon.video.VideoSettings;
import dev.beckon.video.library.JdbcShopVideoSettings;
import dev.beckon.video.library.JdbcVideoLinkStore;
import dev.beckon.video.library.JdbcVideoStore;
import dev.beckon.video.library.JdbcViewEventStore;
import dev.beckon.video.library.Transactions;
import dev.beckon.video.library.UploadFlow;
import dev.beckon.video.metadata.VideoLimits;
import dev.beckon.video.personalise.RenderQueue;
import dev.beckon.video.privacy.VideoPrivacy;
import dev.beckon.video.recording.RecordingTasks;
import dev.beckon.video.storage.LocalFileStorage;
import dev.beckon.video.storage.S3Settings;
import dev.beckon.video.storage.S3Storage;
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
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wires the video module: its settings from MicroProfile Config (the {@code beckon.video.*} keys, with the storage
 * root defaulting to {@code <beckon.data-dir>/videos}), local or S3-compatible storage ({@code beckon.video.storage}),
 * the JDBC stores, ffmpeg, the transcode and render queues on Payara's managed threads, recording tasks and
 * privacy; queues and storage are closed when the application stops.
 */
@ApplicationScoped
public class VideoProducer {

    private static final System.Logger LOG = System.getLogger(VideoProducer.class.getName());

    static final List<String> KEYS = List.of(VideoSettings.STORAGE_ROOT, VideoSettings.WORK_DIR,
            VideoSettings.UPLOAD_CAP_BYTES, VideoSettings.MAX_DURATION, VideoSettings.MAX_PIXELS,
            VideoSettings.LINK_LIFETIME, VideoSettings.FFMPEG_PATH, VideoSettings.TRANSCODE_WORKERS,
            VideoSettings.TRANSCODE_QUEUE_CAPACITY, VideoSettings.TRANSCODE_TIMEOUT, VideoSettings.STORAGE,
            VideoSettings.S3_ENDPOINT, VideoSettings.S3_BUCKET, VideoSettings.S3_REGION, VideoSettings.S3_ACCESS_KEY,
            VideoSettings.S3_SECRET_KEY, VideoSettings.S3_PATH_STYLE, VideoSettings.FONT_FILE,
            VideoSettings.RENDER_WORKERS, VideoSettings.RENDER_QUEUE_CAPACITY, VideoSettings.RENDER_TIMEOUT);

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
        return openStorage(settings);
    }

    /**
     * The storage {@code beckon.video.storage} names: files under the storage root ({@code local}, the default), or
     * an S3-compatible bucket ({@code s3}), whose uploads are spooled in the work folder before the PUT.
     */
    static VideoStorage openStorage(VideoSettings settings) {
        if (settings.storage() == VideoSettings.StorageKind.S3) {
            S3Settings s3 = settings.s3().orElseThrow();
            Path spool = settings.workDir().resolve("s3-spool");
            try {
                S3Storage storage = S3Storage.create(s3, spool);
                LOG.log(System.Logger.Level.INFO, "videos are stored in S3-compatible storage: {0}", s3);
                return storage;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the S3 upload spool folder " + spool
                        + " (set BECKON_VIDEO_WORK_DIR to a writable folder)", e);
            }
        }
        try {
            return LocalFileStorage.at(settings.storageRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the video storage folder " + settings.storageRoot()
                    + " (set BECKON_VIDEO_STORAGE_ROOT to a writable folder)", e);
        }
    }

    @Produces
    @Singleton
    AccelRedirect accelRedirect(VideoStorage storage) {
        AccelRedirect accel = accelRedirect(ConfigProvider.getConfig().getOptionalValue(AccelRedirect.KEY, String.class)
                .orElse(null), storage);
        if (accel.on()) {
            LOG.log(System.Logger.Level.INFO, "video bytes are sent by the front server: {0}: {1}/...",
                    AccelRedirect.HEADER, accel.prefix());
        }
        return accel;
    }

    /** {@code beckon.video.accel-redirect} from its configured value; only local storage has files to send. */
    static AccelRedirect accelRedirect(String configured, VideoStorage storage) {
        AccelRedirect accel = AccelRedirect.parse(configured);
        if (accel.on() && !(storage instanceof LocalFileStorage)) {
            throw new IllegalArgumentException(AccelRedirect.KEY + " needs beckon.video.storage=local: a front"
                    + " server can only send files it can read");
        }
        return accel;
    }

    void closeStorage(@Disposes VideoStorage storage) {
        if (storage instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "could not close the video storage: {0}", e.toString());
            }
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

    @Produces
    @Singleton
    JdbcShopVideoSettings shopVideoSettings(DataSource dataSource, Clock clock) {
        return new JdbcShopVideoSettings(new Transactions(dataSource), clock);
    }

    @Produces
    @Singleton
    RecordingTasks recordingTasks(DataSource dataSource, JdbcVideoStore videos, JdbcShopVideoSettings shopSettings,
                                  Clock clock) {
        return new RecordingTasks(new Transactions(dataSource), videos, shopSettings, clock);
    }

    @Produces
    @Singleton
    RenderQueue renders(DataSource dataSource, JdbcVideoStore videos, JdbcShopVideoSettings shopSettings,
                        VideoStorage storage, Ffmpeg ffmpeg, VideoSettings settings, Clock clock) {
        RenderQueue.Limits limits = new RenderQueue.Limits(settings.workDir().resolve("renders"), settings.fontFile(),
                settings.renderWorkers(), settings.renderQueueCapacity(), settings.renderTimeout(),
                settings.renderCpuLimit());
        return new RenderQueue(new Transactions(dataSource), videos, shopSettings, storage, new SystemProcessRunner(),
                ffmpeg, limits, clock, threadFactory);
    }

    void closeRenders(@Disposes RenderQueue renders) {
        renders.close();
    }

    @Produces
    @Singleton
    VideoPrivacy privacy(JdbcVideoStore videos, JdbcVideoLinkStore links, RecordingTasks tasks, RenderQueue renders,
                         VideoStorage storage, Clock clock) {
        return new VideoPrivacy(videos, links, tasks, renders, storage, clock);
    }
}
