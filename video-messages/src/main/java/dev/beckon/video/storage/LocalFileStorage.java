package dev.beckon.video.storage;

import dev.beckon.video.upload.CappedCopy;
import dev.beckon.video.upload.CopyOutcome;

import java.io.IOException;
import java.io.InputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Videos as files under one root directory, which must lie outside any web document root:
 * {@code root/objects/ab/ab12...} for the video under key {@code ab12...}, and {@code root/incoming/} for uploads
 * in progress. An upload is written to a temp file in {@code incoming}, forced to disk, then atomically renamed
 * into place, so a reader sees either nothing or the complete video.
 *
 * <p>Paths come only from {@link StorageKey}s, whose format cannot express {@code ..}, a separator or an absolute
 * path; the resolved path is checked to stay under the root as well, and symbolic links are not followed when
 * reading. Files are read through kept read-only mappings (see {@link #open}). Thread-safe.
 */
public final class LocalFileStorage implements VideoStorage {

    /** Files up to this size are read through a kept read-only mapping; larger ones with positional reads. */
    static final long MAX_MAPPED_BYTES = 1L << 30;
    /** How many mappings are kept; more empties the map (they are cheap to make again). */
    static final int MAX_MAPPINGS = 256;

    private final Path objects;
    private final Path incoming;
    private final SecureRandom random;
    private final Map<StorageKey, MappedByteBuffer> mappings = new ConcurrentHashMap<>();

    private LocalFileStorage(Path objects, Path incoming, SecureRandom random) {
        this.objects = objects;
        this.incoming = incoming;
        this.random = random;
    }

    /** Storage under {@code root}, creating its directories if needed. */
    public static LocalFileStorage at(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Path objects = Files.createDirectories(base.resolve("objects"));
        Path incoming = Files.createDirectories(base.resolve("incoming"));
        return new LocalFileStorage(objects, incoming, new SecureRandom());
    }

    @Override
    public PutOutcome put(InputStream content, long cap) throws IOException {
        Path temp = Files.createTempFile(incoming, "upload-", ".part");
        try {
            CopyOutcome copy;
            try (FileChannel file = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                copy = CappedCopy.copy(content, Channels.newOutputStream(file), cap);
                file.force(true);
            }
            if (copy instanceof CopyOutcome.Copied copied) {
                StorageKey key = moveIntoPlace(temp);
                return new PutOutcome.Stored(key, copied.bytes(), copied.sha256());
            }
            Files.delete(temp);
            return new PutOutcome.TooLarge(cap);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Stored files never change, so a file is mapped read-only once and the mapping kept: a range is then one
     * copy from the page cache, with no open, stat, read or close per request. The file's existence is still
     * checked on every open (a deleted video is never served), and {@link #delete} drops the mapping.
     */
    @Override
    public Optional<VideoSlice> open(StorageKey key, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must be >= 0: " + offset + ", " + length);
        }
        Path path = pathOf(key);
        MappedByteBuffer mapped = mappings.get(key);
        if (mapped != null) {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                mappings.remove(key, mapped);
                return Optional.empty();
            }
            return Optional.of(mappedSlice(mapped, offset, length));
        }
        FileChannel file;
        try {
            file = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            long size = file.size();
            if (offset > size) {
                throw new IllegalArgumentException("offset " + offset + " is past the end of " + size + " bytes");
            }
            if (size > 0 && size <= MAX_MAPPED_BYTES) {
                MappedByteBuffer map = file.map(FileChannel.MapMode.READ_ONLY, 0, size);
                file.close(); // the mapping stays valid
                if (mappings.size() >= MAX_MAPPINGS) {
                    mappings.clear();
                }
                mappings.put(key, map);
                return Optional.of(mappedSlice(map, offset, length));
            }
            long sliceLength = Math.min(length, size - offset);
            return Optional.of(new VideoSlice(size, offset, sliceLength, new FileRangeChannel(file, offset, sliceLength)));
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static VideoSlice mappedSlice(MappedByteBuffer mapped, long offset, long length) {
        int size = mapped.capacity();
        if (offset > size) {
            throw new IllegalArgumentException("offset " + offset + " is past the end of " + size + " bytes");
        }
        int sliceLength = (int) Math.min(length, size - offset);
        return new VideoSlice(size, offset, sliceLength,
                new BufferChannel(mapped.slice((int) offset, sliceLength)));
    }

    @Override
    public OptionalLong size(StorageKey key) throws IOException {
        try {
            return OptionalLong.of(Files.readAttributes(pathOf(key), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).size());
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public boolean delete(StorageKey key) throws IOException {
        mappings.remove(key);
        return Files.deleteIfExists(pathOf(key));
    }

    /**
     * Where the video under {@code key} sits below {@code root/objects}, as a URL path without a leading slash
     * ({@code ab/ab12...}): for a front web server that sends the stored files itself after Beckon has checked the
     * request ({@code X-Accel-Redirect}). Made from the key alone, so it names no other file; says nothing about
     * whether the video exists.
     */
    public String relativePath(StorageKey key) {
        return key.value().substring(0, 2) + "/" + key.value();
    }

    /** A fresh key for the completed upload; a collision of 128 random bits is only retried for completeness. */
    private StorageKey moveIntoPlace(Path temp) throws IOException {
        while (true) {
            StorageKey key = StorageKey.random(random);
            Path target = pathOf(key);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                return key;
            }
        }
    }

    private Path pathOf(StorageKey key) {
        Path path = objects.resolve(relativePath(key)).normalize();
        if (!path.startsWith(objects)) {
            throw new IllegalStateException("storage key resolved outside the storage root");
        }
        return path;
    }
}
