package dev.beckon.video.library;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.metadata.Mp4Probe;
import dev.beckon.video.metadata.ProbeResult;
import dev.beckon.video.metadata.VideoLimits;
import dev.beckon.video.storage.PutOutcome;
import dev.beckon.video.storage.StorageKey;
import dev.beckon.video.storage.VideoSlice;
import dev.beckon.video.storage.VideoStorage;
import dev.beckon.video.transcode.Ffmpeg;
import dev.beckon.video.transcode.FfmpegCommand;
import dev.beckon.video.transcode.TranscodeJob;
import dev.beckon.video.transcode.TranscodeQueue;
import dev.beckon.video.transcode.TranscodeResult;
import dev.beckon.video.upload.ContentSniffer;
import dev.beckon.video.upload.SniffVerdict;
import dev.beckon.video.upload.VideoContainer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * An upload from request body to web-safe rendition:
 * <ol>
 *   <li>stream the body into storage under the byte cap ({@code CappedCopy} inside {@link VideoStorage#put});</li>
 *   <li>sniff the stored head; anything but MP4, QuickTime, WebM or Matroska is deleted and refused;</li>
 *   <li>copy the original to a scratch directory and, for MP4/QuickTime, probe duration and size against the
 *       limits (WebM has no cheap header duration: ffmpeg's {@code -t} caps it, and the transcoded MP4 is probed);</li>
 *   <li>record the video as {@code UPLOADED}, move it to {@code TRANSCODING} and queue the MP4, poster and GIF;</li>
 *   <li>on completion (a worker thread) store the renditions and mark the video {@code READY}, or {@code FAILED}
 *       with the reason; the scratch directory is removed either way.</li>
 * </ol>
 * The original is kept in storage (private, never served) so a video can be transcoded again: after a restart,
 * {@link #requeueUnfinished} queues every video left {@code UPLOADED} or {@code TRANSCODING} once more.
 *
 * <p>Thread-safe. {@link #accept} blocks on the upload stream, storage and the database, but never on ffmpeg.
 */
public final class UploadFlow {

    private static final System.Logger LOG = System.getLogger(UploadFlow.class.getName());

    private final VideoStorage storage;
    private final JdbcVideoStore videos;
    private final TranscodeQueue queue;
    private final Ffmpeg ffmpeg;
    private final Path workDir;
    private final long uploadCap;
    private final VideoLimits limits;
    private final Duration cpuLimit;
    /** Videos this instance has accepted or queued and not yet settled: never queued twice from here. */
    private final Set<VideoId> inFlight = ConcurrentHashMap.newKeySet();

    /**
     * @param workDir  scratch space for ffmpeg; one subdirectory per video, removed after its job
     * @param cpuLimit each ffmpeg command's CPU-time limit
     */
    public UploadFlow(VideoStorage storage, JdbcVideoStore videos, TranscodeQueue queue, Ffmpeg ffmpeg, Path workDir,
                      long uploadCap, VideoLimits limits, Duration cpuLimit) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.uploadCap = uploadCap;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.cpuLimit = Objects.requireNonNull(cpuLimit, "cpuLimit");
    }

    /**
     * Takes one upload for {@code shop}. Does not close {@code body}.
     *
     * @throws IOException when the client aborts or storage fails (nothing is kept)
     */
    public UploadOutcome accept(ShopId shop, InputStream body) throws IOException {
        PutOutcome put = storage.put(body, uploadCap);
        if (put instanceof PutOutcome.TooLarge tooLarge) {
            return new UploadOutcome.TooLarge(tooLarge.cap());
        }
        PutOutcome.Stored stored = (PutOutcome.Stored) put;
        VideoId id = VideoId.random();
        Path dir = workDir.resolve(id.toString());
        boolean keep = false;
        inFlight.add(id);
        try {
            SniffVerdict verdict = ContentSniffer.sniff(head(stored.key()));
            if (verdict instanceof SniffVerdict.Rejected rejected) {
                LOG.log(System.Logger.Level.INFO, "shop {0}: upload refused: {1}", shop, rejected.reason());
                return new UploadOutcome.Unsupported(rejected.reason());
            }
            VideoContainer container = ((SniffVerdict.Sniffed) verdict).container();
            Files.createDirectories(dir);
            Path original = dir.resolve("original");
            copyOut(stored.key(), original);
            ProbeResult.Probed probed = null;
            if (container == VideoContainer.MP4 || container == VideoContainer.QUICKTIME) {
                ProbeResult probe = Mp4Probe.probe(original);
                if (probe instanceof ProbeResult.Unreadable unreadable) {
                    return new UploadOutcome.Rejected(unreadable.reason());
                }
                probed = (ProbeResult.Probed) probe;
                Optional<String> violation = limits.violation(probed);
                if (violation.isPresent()) {
                    return new UploadOutcome.Rejected(violation.get());
                }
            }
            Video video = videos.insertUploaded(id, shop, container, stored.key(), stored.size(), stored.sha256(),
                    probed);
            keep = true;
            try {
                return new UploadOutcome.Accepted(startTranscode(video, original, probed, dir));
            } catch (RuntimeException e) {
                inFlight.remove(id); // stays uploaded: requeueUnfinished may take it again
                throw e;
            }
        } finally {
            if (!keep) {
                inFlight.remove(id);
                storage.delete(stored.key());
                deleteTree(dir);
            }
        }
    }

    /** What {@link #requeueUnfinished} did. */
    public record Requeued(int queued, int notQueued, int failed) {
    }

    /**
     * Queues again every video left {@code UPLOADED} or {@code TRANSCODING}: call once at start (a restart drops
     * the queue's jobs and leaves their videos in {@code transcoding}), and it may be called again later to retry
     * videos that found the queue full. Idempotent: a video this instance has already queued, and not yet settled,
     * is skipped, so calling it twice queues nothing twice. The scratch directory of each video is emptied first,
     * so a partially written output from before the restart is replaced, never stored. A video whose original is
     * gone from storage is marked {@code FAILED} with the reason. Blocks on storage and the database, never on
     * ffmpeg.
     *
     * <p>With several instances on one database, a video another instance is transcoding right now may be queued
     * here as well; the state compare-and-set keeps the first result and the second one's renditions are deleted.
     *
     * @param limit at most this many videos, oldest first
     */
    public Requeued requeueUnfinished(int limit) {
        int queued = 0;
        int notQueued = 0;
        int failed = 0;
        for (Video video : videos.unfinished(limit)) {
            if (!inFlight.add(video.id())) {
                continue;
            }
            Video settled;
            try {
                settled = requeue(video);
            } catch (IOException | RuntimeException e) {
                inFlight.remove(video.id());
                LOG.log(System.Logger.Level.ERROR, "shop " + video.shop() + ": could not re-queue video "
                        + video.id(), e);
                failed++;
                continue;
            }
            if (settled.state() == VideoState.TRANSCODING) {
                queued++;
            } else if (settled.state() == VideoState.FAILED) {
                failed++;
            } else {
                notQueued++;
            }
        }
        if (queued + notQueued + failed > 0) {
            LOG.log(System.Logger.Level.INFO, "re-queued {0} unfinished videos ({1} could not be queued, {2} failed)",
                    queued, notQueued, failed);
        }
        return new Requeued(queued, notQueued, failed);
    }

    private Video requeue(Video video) throws IOException {
        ShopId shop = video.shop();
        if (video.state() == VideoState.TRANSCODING
                && !videos.transition(shop, video.id(), VideoState.TRANSCODING, VideoState.UPLOADED,
                "re-queued after a restart")) {
            inFlight.remove(video.id());
            return videos.find(shop, video.id()).orElse(video);
        }
        Path dir = workDir.resolve(video.id().toString());
        deleteTree(dir);
        if (!storage.exists(video.original())) {
            inFlight.remove(video.id());
            videos.transition(shop, video.id(), VideoState.UPLOADED, VideoState.FAILED,
                    "the uploaded original is missing from storage");
            return videos.find(shop, video.id()).orElseThrow();
        }
        Files.createDirectories(dir);
        Path original = dir.resolve("original");
        copyOut(video.original(), original);
        ProbeResult.Probed probed = null;
        if (video.container() == VideoContainer.MP4 || video.container() == VideoContainer.QUICKTIME) {
            probed = Mp4Probe.probe(original) instanceof ProbeResult.Probed p ? p : null;
        }
        return startTranscode(videos.find(shop, video.id()).orElseThrow(), original, probed, dir);
    }

    private Video startTranscode(Video video, Path original, ProbeResult.Probed probed, Path dir) {
        ShopId shop = video.shop();
        if (ffmpeg instanceof Ffmpeg.Missing missing) {
            String reason = "not transcoded: " + missing.reason();
            videos.transition(shop, video.id(), VideoState.UPLOADED, VideoState.UPLOADED, reason);
            inFlight.remove(video.id());
            deleteTree(dir);
            return videos.find(shop, video.id()).orElseThrow();
        }
        FfmpegCommand.Builder commands = FfmpegCommand.using(((Ffmpeg.Available) ffmpeg).executable(), cpuLimit);
        Path mp4 = dir.resolve("web.mp4");
        Duration posterAt = probed == null ? Duration.ZERO
                : min(Duration.ofSeconds(1), probed.duration().dividedBy(2));
        TranscodeJob job = new TranscodeJob(video.id().toString(), List.of(
                commands.webSafeMp4(original, video.container(), mp4, limits.maxDuration()),
                commands.poster(mp4, dir.resolve("poster.jpg"), posterAt),
                commands.previewGif(mp4, dir.resolve("preview.gif"))));
        if (!videos.transition(shop, video.id(), VideoState.UPLOADED, VideoState.TRANSCODING, null)) {
            inFlight.remove(video.id()); // another instance took it
            deleteTree(dir);
            return videos.find(shop, video.id()).orElseThrow();
        }
        TranscodeQueue.Admission admission = queue.submit(job, result -> finish(shop, video.id(), dir, result));
        if (admission != TranscodeQueue.Admission.QUEUED) {
            String reason = admission == TranscodeQueue.Admission.QUEUE_FULL
                    ? "not transcoded yet: the transcode queue is full" : "not transcoded: the server is stopping";
            videos.transition(shop, video.id(), VideoState.TRANSCODING, VideoState.UPLOADED, reason);
            inFlight.remove(video.id());
            deleteTree(dir);
        }
        return videos.find(shop, video.id()).orElseThrow();
    }

    /** Runs on a transcode worker: stores the renditions and settles the video's state; never throws. */
    private void finish(ShopId shop, VideoId id, Path dir, TranscodeResult result) {
        List<StorageKey> stored = new ArrayList<>();
        try {
            if (result instanceof TranscodeResult.Done done) {
                ProbeResult probe = Mp4Probe.probe(done.outputs().get(0));
                ProbeResult.Probed probed = probe instanceof ProbeResult.Probed p ? p : null;
                Optional<String> violation = probed == null ? Optional.empty() : limits.violation(probed);
                if (violation.isPresent()) {
                    fail(shop, id, violation.get());
                    return;
                }
                for (Path output : done.outputs()) {
                    stored.add(putFile(output));
                }
                if (videos.markReady(shop, id, stored.get(0), stored.get(1), stored.get(2), probed)) {
                    LOG.log(System.Logger.Level.INFO, "shop {0}: video {1} ready", shop, id);
                } else {
                    deleteAll(stored);
                }
            } else if (result instanceof TranscodeResult.Failed failed) {
                fail(shop, id, "transcoding failed: " + failed.reason());
            } else if (result instanceof TranscodeResult.TimedOut timedOut) {
                fail(shop, id, "transcoding (" + timedOut.step() + ") took longer than "
                        + timedOut.limit().toSeconds() + " s and was stopped");
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "shop " + shop + ": could not store renditions of video " + id, e);
            deleteAll(stored);
            try {
                fail(shop, id, "the transcoded video could not be stored");
            } catch (RuntimeException again) {
                LOG.log(System.Logger.Level.ERROR, "shop " + shop + ": could not mark video " + id + " failed", again);
            }
        } finally {
            deleteTree(dir);
            inFlight.remove(id);
        }
    }

    private void fail(ShopId shop, VideoId id, String reason) {
        LOG.log(System.Logger.Level.WARNING, "shop {0}: video {1} failed: {2}", shop, id, reason);
        videos.transition(shop, id, VideoState.TRANSCODING, VideoState.FAILED, reason);
    }

    private StorageKey putFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            PutOutcome put = storage.put(in, Long.MAX_VALUE);
            return ((PutOutcome.Stored) put).key();
        }
    }

    private byte[] head(StorageKey key) throws IOException {
        try (VideoSlice slice = storage.open(key, 0, ContentSniffer.HEAD_LENGTH).orElseThrow(
                () -> new IOException("stored upload " + key + " vanished"))) {
            ByteBuffer buffer = ByteBuffer.allocate((int) slice.length());
            while (buffer.hasRemaining() && slice.channel().read(buffer) >= 0) {
                // keep reading
            }
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    private void copyOut(StorageKey key, Path target) throws IOException {
        try (VideoSlice slice = storage.open(key).orElseThrow(() -> new IOException("stored upload " + key + " vanished"));
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long at = 0;
            while (at < slice.length()) {
                long n = out.transferFrom(slice.channel(), at, slice.length() - at);
                if (n <= 0) {
                    throw new IOException("stored upload " + key + " ended early");
                }
                at += n;
            }
        }
    }

    private void deleteAll(List<StorageKey> keys) {
        for (StorageKey key : keys) {
            try {
                storage.delete(key);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not delete rendition {0}: {1}", key, e.getMessage());
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove scratch directory {0}: {1}", dir, e.getMessage());
        }
    }
}
