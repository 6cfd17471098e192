package org.auditgate.bench;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.auditgate.engine.image.GreyImage;
import org.auditgate.engine.image.ImageDecoder;
import org.auditgate.engine.image.ImageLimits;
import org.auditgate.engine.image.Resize;
import org.auditgate.engine.noise.NoiseInjector;
import org.auditgate.engine.noise.NoiseType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One noise type on one 224×224 8-bit image per call, single thread, destination and random
 * stream preallocated: what {@code src/test/bench/noise-vs-skimage.sh} sets against scikit-image's
 * {@code img_as_ubyte(random_noise(img, …))}. The image is {@value #REAL_IMAGE} from the shared
 * data (grey, shorter side resized to 224, centre crop 224) when the folder named by the system
 * property {@code auditgate.sharedData} (default {@code ../shared/data}) has it, else a horizontal
 * gradient; setup prints which.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NoiseBenchmark {

    static final String REAL_IMAGE = "cxr-covid-pneumonia/images/000001-12.jpg";
    static final int SIZE = 224;

    private final NoiseInjector injector = NoiseInjector.paper();
    private byte[] src;
    private byte[] dst;
    private UniformRandomProvider rng;

    @Setup
    public void setUp() throws IOException {
        Path file = Path.of(System.getProperty("auditgate.sharedData", "../shared/data"), REAL_IMAGE);
        if (Files.isRegularFile(file)) {
            GreyImage image = new ImageDecoder(ImageLimits.defaults()).decode(Files.readAllBytes(file), file.toString());
            src = Resize.centreCrop(Resize.resizeShorterSide(image, SIZE), SIZE).pixels();
            System.out.println("NoiseBenchmark image: " + file + " (224x224)");
        } else {
            src = new byte[SIZE * SIZE];
            for (int i = 0; i < src.length; i++) {
                src[i] = (byte) ((i % SIZE) * 255 / (SIZE - 1));
            }
            System.out.println("NoiseBenchmark image: synthetic gradient (no shared data at " + file + ")");
        }
        dst = new byte[src.length];
        rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
    }

    private byte[] run(NoiseType type) {
        injector.apply(type, src, dst, src.length, rng);
        return dst;
    }

    @Benchmark
    public byte[] gaussian() {
        return run(NoiseType.GAUSSIAN);
    }

    @Benchmark
    public byte[] speckle() {
        return run(NoiseType.SPECKLE);
    }

    @Benchmark
    public byte[] poisson() {
        return run(NoiseType.POISSON);
    }

    @Benchmark
    public byte[] saltPepper() {
        return run(NoiseType.SALT_PEPPER);
    }

    @Benchmark
    public byte[] identity() {
        return run(NoiseType.IDENTITY);
    }
}
