package org.auditgate.engine.reference;

import org.auditgate.engine.AtomicFiles;
import org.auditgate.engine.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Backbone features keyed by (model SHA-256, image SHA-256, preprocessing description), so a rerun
 * of the same model on the same images with the same preprocessing skips the backbone.
 *
 * <p>Always held in memory; with a directory, entries are also written there (one file per key,
 * named by the SHA-256 of the key, written to a temporary name and renamed) and read back by later
 * caches on the same directory. A file holds the key text, then the floats little-endian; a file
 * whose key or length does not match is ignored as a miss. Thread-safe.
 */
public final class FeatureCache {

    /**
     * What a cached feature vector depends on.
     *
     * @param modelSha256 the vendor model's hash
     * @param imageSha256 the image file's hash
     * @param preprocessing everything else the values depend on: input spec, feature tensor, view
     *     and its random stream; two different preprocessings must have different descriptions
     */
    public record Key(String modelSha256, String imageSha256, String preprocessing) {

        public Key {
            Objects.requireNonNull(modelSha256, "modelSha256");
            Objects.requireNonNull(imageSha256, "imageSha256");
            Objects.requireNonNull(preprocessing, "preprocessing");
        }

        String text() {
            return modelSha256 + "\n" + imageSha256 + "\n" + preprocessing;
        }
    }

    private final ConcurrentHashMap<Key, float[]> memory = new ConcurrentHashMap<>();
    private final Path directory;

    private FeatureCache(Path directory) {
        this.directory = directory;
    }

    /** A cache that lives as long as this object. */
    public static FeatureCache inMemory() {
        return new FeatureCache(null);
    }

    /** A cache that also persists to {@code directory} (created when missing). */
    public static FeatureCache persistentIn(Path directory) {
        return new FeatureCache(Objects.requireNonNull(directory, "directory"));
    }

    /** The directory entries persist to, if any. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** The cached values (a copy), or empty on a miss. */
    public Optional<float[]> get(Key key) {
        float[] values = memory.get(key);
        if (values == null && directory != null) {
            values = read(key);
            if (values != null) {
                memory.put(key, values);
            }
        }
        return Optional.ofNullable(values).map(float[]::clone);
    }

    /** Stores a copy of {@code values} under {@code key}. */
    public void put(Key key, float[] values) {
        float[] copy = values.clone();
        memory.put(key, copy);
        if (directory != null) {
            write(key, copy);
        }
    }

    /** Entries held in memory. */
    public int size() {
        return memory.size();
    }

    private Path file(Key key) {
        return directory.resolve(Sha256.hex(key.text().getBytes(StandardCharsets.UTF_8)) + ".f32");
    }

    private void write(Key key, float[] values) {
        byte[] text = key.text().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(8 + text.length + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(text.length).put(text).putInt(values.length);
        buffer.asFloatBuffer().put(values);
        AtomicFiles.write(file(key), buffer.array());
    }

    private float[] read(Key key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cached features " + file + ": " + e.getMessage(), e);
        }
        byte[] expected = key.text().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 8 || buffer.getInt() != expected.length || bytes.length < 8 + expected.length) {
            return null;
        }
        byte[] text = new byte[expected.length];
        buffer.get(text);
        int n = buffer.getInt();
        if (!java.util.Arrays.equals(text, expected) || n < 0 || buffer.remaining() != 4L * n) {
            return null;
        }
        float[] values = new float[n];
        buffer.asFloatBuffer().get(values);
        return values;
    }
}
