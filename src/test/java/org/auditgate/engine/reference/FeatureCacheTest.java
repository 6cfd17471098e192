package org.auditgate.engine.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureCacheTest {

    static final FeatureCache.Key KEY = new FeatureCache.Key("model-a", "image-1", "resize 224, centre crop");

    @Test
    void aPersistentCacheIsReadBackByAnotherInstance(@TempDir Path dir) {
        FeatureCache.persistentIn(dir).put(KEY, new float[] {1.5f, -0f, Float.MIN_VALUE, 3e38f});
        FeatureCache later = FeatureCache.persistentIn(dir);
        assertThat(later.size()).isZero();
        assertThat(later.get(KEY)).hasValueSatisfying(v -> assertThat(v).containsExactly(1.5f, -0f, Float.MIN_VALUE, 3e38f));
        assertThat(later.size()).isEqualTo(1);
    }

    @Test
    void everyPartOfTheKeyMatters(@TempDir Path dir) {
        FeatureCache cache = FeatureCache.persistentIn(dir);
        cache.put(KEY, new float[] {1f});
        assertThat(cache.get(new FeatureCache.Key("model-b", "image-1", "resize 224, centre crop"))).isEmpty();
        assertThat(cache.get(new FeatureCache.Key("model-a", "image-2", "resize 224, centre crop"))).isEmpty();
        assertThat(cache.get(new FeatureCache.Key("model-a", "image-1", "bank view 0"))).isEmpty();
        assertThat(FeatureCache.persistentIn(dir).get(new FeatureCache.Key("model-a", "image-1", "bank view 0"))).isEmpty();
    }

    @Test
    void aDamagedFileIsAMiss(@TempDir Path dir) throws IOException {
        FeatureCache.persistentIn(dir).put(KEY, new float[] {1f, 2f});
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(p -> p.toString().endsWith(".f32")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertThat(FeatureCache.persistentIn(dir).get(KEY)).isEmpty();
        Files.write(file, new byte[] {1, 2});
        assertThat(FeatureCache.persistentIn(dir).get(KEY)).isEmpty();
    }

    @Test
    void valuesAreCopiedInAndOut() {
        FeatureCache cache = FeatureCache.inMemory();
        float[] values = {1f, 2f};
        cache.put(KEY, values);
        values[0] = 9f;
        cache.get(KEY).orElseThrow()[1] = 9f;
        assertThat(cache.get(KEY)).hasValueSatisfying(v -> assertThat(v).containsExactly(1f, 2f));
        assertThat(cache.directory()).isEmpty();
    }
}
