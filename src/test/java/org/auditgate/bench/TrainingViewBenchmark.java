package org.auditgate.bench;

import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.augment.StreamKey;
import org.auditgate.engine.augment.TrainingViews;
import org.auditgate.engine.image.GreyImage;
import org.auditgate.engine.image.ImageDecoder;
import org.auditgate.engine.image.ImageLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One whole training view (DESIGN §4), single thread, per arm: key → stream, for arm noise the
 * noise choice and noise over the whole 224-resized image, RandomResizedCrop(224) with Pillow's
 * bilinear resize, flip. Every call uses the next image index, so each builds a different view.
 *
 * <p>The input is a real chest X-ray from {@code ../shared/data/cxr-covid-pneumonia} (the first
 * image of its manifest, decoded and resized so its shorter side is 224), or, when that folder is
 * absent, a synthetic 224×273 gradient with texture; setup prints which.
 *
 * <p>Run from the project root:
 * <pre>
 * mvn -B -q test-compile -Dquarkus.build.skip=true
 * mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
 *     org.openjdk.jmh.Main TrainingViewBenchmark [-Dauditgate.sharedData=../shared/data]
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 3, jvmArgsAppend = "-Djava.awt.headless=true")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class TrainingViewBenchmark {

    @Param({"clean", "noise"})
    public String arm;

    private final TrainingViews views = TrainingViews.paper();
    private GreyImage resized;
    private Arm parsedArm;
    private int image;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        parsedArm = Arm.parse(arm);
        Path data = Path.of(System.getProperty("auditgate.sharedData", "../shared/data"), "cxr-covid-pneumonia");
        Path manifest = data.resolve("manifest.csv");
        if (Files.isRegularFile(manifest)) {
            List<String> lines = Files.readAllLines(manifest);
            String path = lines.get(1).substring(0, lines.get(1).indexOf(','));
            GreyImage decoded = new ImageDecoder(ImageLimits.defaults()).decode(Files.readAllBytes(data.resolve(path)), path);
            resized = views.resize(decoded);
            System.out.println("input: real X-ray " + path + " " + decoded + " resized to " + resized);
        } else {
            resized = views.resize(synthetic(800, 975));
            System.out.println("input: synthetic (no " + manifest + ") resized to " + resized);
        }
    }

    @Benchmark
    public TrainingViews.View view() {
        return views.view(resized, new StreamKey(2024L, parsedArm, 0, 0, image++ & Integer.MAX_VALUE));
    }

    private static GreyImage synthetic(int width, int height) {
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (byte) ((x / 4 + y / 3 + (x * y) % 29) & 0xFF);
            }
        }
        return new GreyImage(width, height, pixels);
    }
}
