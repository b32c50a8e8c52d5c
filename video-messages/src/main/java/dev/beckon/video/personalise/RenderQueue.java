package dev.beckon.video.personalise;

import dev.beckon.api.model.ShopId;
import dev.beckon.video.VideoRequestException;
import dev.beckon.video.VideoRequestException.Problem;
import dev.beckon.video.library.DatabaseException;
import dev.beckon.video.library.JdbcShopVideoSettings;
import dev.beckon.video.library.JdbcVideoStore;
import dev.beckon.video.library.Sql;
import dev.beckon.video.library.Transactions;
import dev.beckon.video.library.Video;
import dev.beckon.video.library.VideoId;
import dev.beckon.video.library.VideoState;
import dev.beckon.video.storage.PutOutcome;
import dev.beckon.video.storage.StorageKey;
import dev.beckon.video.storage.VideoSlice;
import dev.beckon.video.storage.VideoStorage;
import dev.beckon.video.transcode.Ffmpeg;
import dev.beckon.video.transcode.FfmpegCommand;
import dev.beckon.video.transcode.ProcessRunner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Burned-in renders of the shop's template clip with a shopper's first name (drawtext reading a UTF-8 text file
 * with {@code expansion=none}: {@link FfmpegCommand.Builder#personalised}), cached per (shop, template, normalised
 * name) in {@code video_render}: a second request for the same name reuses the file, also for another shopper of
 * that name. An encode costs about 12 CPU-seconds per 20 s of 720p (knowledge file §3.4), so renders run on a few
 * workers behind a bounded queue; a full queue fails the render at once with the reason (asking again retries),
 * and each ffmpeg run has a wall-clock limit after which its whole process tree is killed.
 *
 * <p>Thread-safe. {@link #request} never waits for ffmpeg; it blocks on the database only (and, for the first
 * request of a name, nothing more). Workers run on the given thread factory (in Payara, the
 * {@code ManagedThreadFactory}). After a restart, call {@link #requeueUnfinished} once.
 */
public final class RenderQueue implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RenderQueue.class.getName());
    private static final String COLUMNS = "id, shop_id, template_video_id, name_key, state, reason, output_key, "
            + "created_at, updated_at";
    private static final int MAX_SHOPPER_REF = 255;
    private static final int MAX_REASON = 2000;

    /**
     * How renders run.
     *
     * @param workDir  scratch space; one subdirectory per render, removed after it
     * @param fontFile the drawtext font (DejaVu Sans Bold covers Latin, Greek and Cyrillic); a path of
     *                 {@code [A-Za-z0-9/._-]} only
     * @param workers  renders at once; 1 on a 2-vCPU box
     * @param capacity renders that may wait
     * @param timeout  wall-clock limit per render
     * @param cpuLimit ffmpeg's own CPU-time limit ({@code -timelimit})
     */
    public record Limits(Path workDir, Path fontFile, int workers, int capacity, Duration timeout, Duration cpuLimit) {

        public Limits {
            Objects.requireNonNull(workDir, "workDir");
            Objects.requireNonNull(fontFile, "fontFile");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(cpuLimit, "cpuLimit");
            if (workers < 1 || capacity < 1) {
                throw new IllegalArgumentException("workers and capacity must be >= 1: " + workers + ", " + capacity);
            }
        }
    }

    private final Transactions transactions;
    private final JdbcVideoStore videos;
    private final JdbcShopVideoSettings settings;
    private final VideoStorage storage;
    private final ProcessRunner runner;
    private final Ffmpeg ffmpeg;
    private final Limits limits;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Set<RenderId> inFlight = ConcurrentHashMap.newKeySet();

    public RenderQueue(Transactions transactions, JdbcVideoStore videos, JdbcShopVideoSettings settings,
                       VideoStorage storage, ProcessRunner runner, Ffmpeg ffmpeg, Limits limits, Clock clock,
                       ThreadFactory threadFactory) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(limits.capacity()), Objects.requireNonNull(threadFactory, "threadFactory"),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** A queue on plain daemon threads named {@code video-render-N}. */
    public RenderQueue(Transactions transactions, JdbcVideoStore videos, JdbcShopVideoSettings settings,
                       VideoStorage storage, ProcessRunner runner, Ffmpeg ffmpeg, Limits limits, Clock clock) {
        this(transactions, videos, settings, storage, runner, ffmpeg, limits, clock, daemonThreads());
    }

    /**
     * Sets the shop's template clip, the video personalised per shopper.
     *
     * @throws VideoRequestException {@code NOT_FOUND} when the shop has no such video, {@code UNUSABLE} when it
     *                               failed to transcode
     */
    public void setTemplateVideo(ShopId shop, VideoId video) throws VideoRequestException {
        Video found = videos.find(shop, Objects.requireNonNull(video, "video")).orElseThrow(
                () -> new VideoRequestException(Problem.NOT_FOUND, "no video " + video + " in this shop"));
        if (found.state() == VideoState.FAILED) {
            throw new VideoRequestException(Problem.UNUSABLE, "the template clip cannot be used: "
                    + found.reason().orElse("it failed to transcode"));
        }
        settings.setTemplateVideo(shop, video);
    }

    /**
     * The render of the shop's template clip for this shopper's first name: the cached one when it exists (queued,
     * rendering or ready), otherwise a newly queued one; a failed one is queued again. The shopper is recorded
     * against the render so an erasure request finds it. Poll {@link #find} (or ask again) until it is
     * {@code READY}; a render refused by a full queue comes back {@code FAILED} with the reason.
     *
     * @throws VideoRequestException {@code INVALID_INPUT} for a bad name or shopper reference; {@code NOT_FOUND}
     *                               when the shop has no template clip; {@code UNUSABLE} when the template is not
     *                               ready or this machine has no ffmpeg
     */
    public Render request(ShopId shop, String shopperRef, String firstName) throws VideoRequestException {
        Objects.requireNonNull(shop, "shop");
        if (shopperRef == null || shopperRef.isBlank() || shopperRef.strip().length() > MAX_SHOPPER_REF) {
            throw new VideoRequestException(Problem.INVALID_INPUT,
                    "a shopper reference of 1 to " + MAX_SHOPPER_REF + " characters is required");
        }
        ShopperName name = ShopperName.parse(firstName);
        VideoId templateId = settings.templateVideo(shop).orElseThrow(() -> new VideoRequestException(
                Problem.NOT_FOUND, "this shop has no template clip; set one first"));
        Video template = videos.find(shop, templateId).orElseThrow(() -> new VideoRequestException(
                Problem.NOT_FOUND, "the shop's template clip was deleted; set another one"));
        if (template.state() != VideoState.READY || template.mp4().isEmpty()) {
            throw new VideoRequestException(Problem.UNUSABLE, "the template clip is not ready ("
                    + template.state().column() + ")");
        }
        if (ffmpeg instanceof Ffmpeg.Missing missing) {
            throw new VideoRequestException(Problem.UNUSABLE, "burned-in renders need ffmpeg: " + missing.reason());
        }
        Render render = findOrInsert(shop, templateId, name);
        addShopper(render.id(), shop, shopperRef.strip());
        if (render.state() == RenderState.FAILED && !move(render.id(), RenderState.FAILED, RenderState.QUEUED, null)) {
            return find(shop, render.id()).orElseThrow();
        }
        if (render.state() == RenderState.FAILED || render.state() == RenderState.QUEUED) {
            submit(render.id()); // no-op when this instance has it in hand; another instance's copy loses the CAS
        }
        return find(shop, render.id()).orElseThrow();
    }

    /** The shop's render, or empty when there is none (or it was erased). */
    public Optional<Render> find(ShopId shop, RenderId id) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM video_render WHERE shop_id = ? AND id = ?")) {
                select.setString(1, shop.value());
                select.setString(2, id.toString());
                List<Render> renders = readAll(select);
                return renders.isEmpty() ? Optional.empty() : Optional.of(renders.get(0));
            }
        });
    }

    /**
     * Queues again every render left {@code QUEUED} or {@code RENDERING} by a restart (any shop); renders this
     * instance already has in hand are skipped, so calling it twice queues nothing twice.
     *
     * @return how many were queued
     */
    public int requeueUnfinished(int limit) {
        List<Render> unfinished = transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM video_render WHERE state IN (?, ?) ORDER BY created_at, id LIMIT ?")) {
                select.setString(1, RenderState.QUEUED.column());
                select.setString(2, RenderState.RENDERING.column());
                select.setInt(3, limit);
                return readAll(select);
            }
        });
        int queued = 0;
        for (Render render : unfinished) {
            if (inFlight.contains(render.id())) {
                continue;
            }
            if (render.state() == RenderState.RENDERING
                    && !move(render.id(), RenderState.RENDERING, RenderState.QUEUED, null)) {
                continue;
            }
            if (submit(render.id())) {
                queued++;
            }
        }
        return queued;
    }

    /**
     * Deletes every render made for this shopper, its file in storage and its row (an erasure request). A render
     * shared with another shopper of the same name is deleted as well; theirs is rendered again when asked for.
     *
     * @return how many renders were deleted
     */
    public int eraseShopper(ShopId shop, String shopperRef) throws IOException {
        List<Render> renders = transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM video_render WHERE "
                    + "shop_id = ? AND id IN (SELECT render_id FROM video_render_shopper WHERE shop_id = ? "
                    + "AND shopper_ref = ?)")) {
                select.setString(1, shop.value());
                select.setString(2, shop.value());
                select.setString(3, shopperRef);
                return readAll(select);
            }
        });
        for (Render render : renders) { // files first: if storage fails, the rows still lead a retry to them
            if (render.output().isPresent()) {
                storage.delete(render.output().get());
            }
        }
        transactions.inTransaction(c -> {
            for (Render render : renders) {
                try (PreparedStatement shoppers = c.prepareStatement(
                        "DELETE FROM video_render_shopper WHERE render_id = ?");
                     PreparedStatement delete = c.prepareStatement(
                             "DELETE FROM video_render WHERE shop_id = ? AND id = ?")) {
                    shoppers.setString(1, render.id().toString());
                    shoppers.executeUpdate();
                    delete.setString(1, shop.value());
                    delete.setString(2, render.id().toString());
                    delete.executeUpdate();
                }
            }
            return null;
        });
        return renders.size();
    }

    /** Renders waiting (not running). */
    public int waiting() {
        return executor.getQueue().size();
    }

    /**
     * Stops taking renders, kills running ffmpeg processes and drops waiting renders; their rows stay
     * {@code queued}/{@code rendering} for {@link #requeueUnfinished} after the restart.
     */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean submit(RenderId id) {
        if (!inFlight.add(id)) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    render(id);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "render " + id + " failed unexpectedly", e);
                    safeFail(id, "internal error while rendering: " + e);
                } finally {
                    inFlight.remove(id);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            inFlight.remove(id);
            String reason = executor.isShutdown() ? "not rendered: the server is stopping"
                    : "not rendered: the render queue is full; ask again later";
            LOG.log(System.Logger.Level.WARNING, "render {0} refused: {1}", id, reason);
            move(id, RenderState.QUEUED, RenderState.FAILED, reason);
            return false;
        }
    }

    /** Runs on a worker. */
    private void render(RenderId id) {
        if (!move(id, RenderState.QUEUED, RenderState.RENDERING, null)) {
            return; // erased meanwhile
        }
        Render render = findAnyShop(id).orElse(null);
        if (render == null) {
            return;
        }
        Path dir = limits.workDir().resolve("render-" + id);
        StorageKey stored = null;
        try {
            deleteTree(dir);
            Files.createDirectories(dir);
            Video template = videos.find(render.shop(), render.template()).orElse(null);
            if (template == null || template.mp4().isEmpty()) {
                move(id, RenderState.RENDERING, RenderState.FAILED, "the template clip was deleted");
                return;
            }
            Path input = dir.resolve("template.mp4");
            copyOut(template.mp4().get(), input);
            Path text = dir.resolve("name.txt");
            Files.writeString(text, render.name().greeting(), StandardCharsets.UTF_8);
            Path output = dir.resolve("render.mp4");
            FfmpegCommand command = FfmpegCommand.using(((Ffmpeg.Available) ffmpeg).executable(), limits.cpuLimit())
                    .personalised(input, text, limits.fontFile(), output);
            ProcessRunner.Outcome outcome = runner.run(command.args(), limits.timeout());
            if (outcome instanceof ProcessRunner.Killed) {
                move(id, RenderState.RENDERING, RenderState.FAILED, "rendering took longer than "
                        + limits.timeout().toSeconds() + " s and was stopped");
                return;
            }
            ProcessRunner.Exited exited = (ProcessRunner.Exited) outcome;
            if (exited.exitCode() != 0 || !Files.isRegularFile(output) || Files.size(output) == 0) {
                move(id, RenderState.RENDERING, RenderState.FAILED, "ffmpeg exited with " + exited.exitCode()
                        + (exited.stderrTail().isBlank() ? "" : ": " + tail(exited.stderrTail())));
                return;
            }
            try (InputStream in = Files.newInputStream(output)) {
                stored = ((PutOutcome.Stored) storage.put(in, Long.MAX_VALUE)).key();
            }
            if (markReady(id, stored)) {
                LOG.log(System.Logger.Level.INFO, "shop {0}: render {1} ready", render.shop(), id);
                stored = null;
            }
        } catch (java.nio.channels.ClosedByInterruptException e) {
            Thread.currentThread().interrupt();
            // stopping: left "rendering" for requeueUnfinished after the restart
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "render {0} failed: {1}", id, e.toString());
            safeFail(id, "rendering failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // left "rendering" for requeueUnfinished after the restart
        } finally {
            if (stored != null) {
                deleteQuietly(stored); // erased (or failed) while rendering: the file must not stay
            }
            deleteTree(dir);
        }
    }

    private Render findOrInsert(ShopId shop, VideoId template, ShopperName name) {
        Optional<Render> existing = findByName(shop, template, name);
        if (existing.isPresent()) {
            return existing.get();
        }
        RenderId id = RenderId.random();
        Instant now = clock.instant();
        try {
            transactions.inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO video_render (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?)")) {
                    insert.setString(1, id.toString());
                    insert.setString(2, shop.value());
                    insert.setString(3, template.toString());
                    insert.setString(4, name.value());
                    insert.setString(5, RenderState.QUEUED.column());
                    Sql.setInstant(insert, 6, now);
                    Sql.setInstant(insert, 7, now);
                    return insert.executeUpdate();
                }
            });
        } catch (DatabaseException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
        }
        return findByName(shop, template, name).orElseThrow();
    }

    private Optional<Render> findByName(ShopId shop, VideoId template, ShopperName name) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM video_render "
                    + "WHERE shop_id = ? AND template_video_id = ? AND name_key = ?")) {
                select.setString(1, shop.value());
                select.setString(2, template.toString());
                select.setString(3, name.value());
                List<Render> renders = readAll(select);
                return renders.isEmpty() ? Optional.empty() : Optional.of(renders.get(0));
            }
        });
    }

    private Optional<Render> findAnyShop(RenderId id) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM video_render WHERE id = ?")) {
                select.setString(1, id.toString());
                List<Render> renders = readAll(select);
                return renders.isEmpty() ? Optional.empty() : Optional.of(renders.get(0));
            }
        });
    }

    private void addShopper(RenderId render, ShopId shop, String shopperRef) {
        try {
            transactions.inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO video_render_shopper (render_id, "
                        + "shop_id, shopper_ref) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM video_render_shopper "
                        + "WHERE render_id = ? AND shopper_ref = ?)")) {
                    insert.setString(1, render.toString());
                    insert.setString(2, shop.value());
                    insert.setString(3, shopperRef);
                    insert.setString(4, render.toString());
                    insert.setString(5, shopperRef);
                    return insert.executeUpdate();
                }
            });
        } catch (DatabaseException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e; // a concurrent request recorded the same shopper: fine
            }
        }
    }

    private boolean move(RenderId id, RenderState from, RenderState to, String reason) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE video_render SET state = ?, reason = ?, "
                    + "updated_at = ? WHERE id = ? AND state = ?")) {
                update.setString(1, to.column());
                update.setString(2, reason == null || reason.length() <= MAX_REASON ? reason
                        : reason.substring(0, MAX_REASON - 3) + "...");
                Sql.setInstant(update, 3, clock.instant());
                update.setString(4, id.toString());
                update.setString(5, from.column());
                return update.executeUpdate() == 1;
            }
        });
    }

    private boolean markReady(RenderId id, StorageKey output) {
        return transactions.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE video_render SET state = ?, reason = NULL, "
                    + "output_key = ?, updated_at = ? WHERE id = ? AND state = ?")) {
                update.setString(1, RenderState.READY.column());
                update.setString(2, output.value());
                Sql.setInstant(update, 3, clock.instant());
                update.setString(4, id.toString());
                update.setString(5, RenderState.RENDERING.column());
                return update.executeUpdate() == 1;
            }
        });
    }

    private void safeFail(RenderId id, String reason) {
        try {
            move(id, RenderState.RENDERING, RenderState.FAILED, reason);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "could not mark render " + id + " failed", e);
        }
    }

    private void copyOut(StorageKey key, Path target) throws IOException {
        try (VideoSlice slice = storage.open(key).orElseThrow(
                () -> new IOException("the template clip's file is missing from storage"));
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long at = 0;
            while (at < slice.length()) {
                long n = out.transferFrom(slice.channel(), at, slice.length() - at);
                if (n <= 0) {
                    throw new IOException("the template clip's file ended early");
                }
                at += n;
            }
        }
    }

    private void deleteQuietly(StorageKey key) {
        try {
            storage.delete(key);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete render file {0}: {1}", key, e.getMessage());
        }
    }

    private static String tail(String stderr) {
        return stderr.length() > 600 ? "..." + stderr.substring(stderr.length() - 600) : stderr;
    }

    private static void deleteTree(Path dir) {
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

    private static List<Render> readAll(PreparedStatement select) throws SQLException {
        List<Render> renders = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                renders.add(new Render(new RenderId(UUID.fromString(row.getString("id"))),
                        new ShopId(row.getString("shop_id")),
                        new VideoId(UUID.fromString(row.getString("template_video_id"))),
                        new ShopperName(row.getString("name_key")),
                        RenderState.ofColumn(row.getString("state")),
                        Optional.ofNullable(row.getString("reason")),
                        StorageKey.parse(row.getString("output_key")),
                        Sql.getInstant(row, "created_at"), Sql.getInstant(row, "updated_at")));
            }
        }
        return renders;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "video-render-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
