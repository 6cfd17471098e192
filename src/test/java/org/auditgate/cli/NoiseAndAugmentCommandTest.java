package org.auditgate.cli;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.auditgate.engine.image.GreyImage;
import org.auditgate.engine.image.GreyPng;
import org.auditgate.engine.image.ImageDecoder;
import org.auditgate.engine.image.ImageLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The noise and augment commands as a reviewer runs them. */
@QuarkusMainTest
class NoiseAndAugmentCommandTest {

    @TempDir
    Path dir;

    Path input;

    @BeforeEach
    void writeInput() throws IOException {
        int w = 300;
        int h = 260;
        byte[] pixels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = (byte) (40 + (x * 170) / w);
            }
        }
        input = Files.write(dir.resolve("in.png"), GreyPng.encode(new GreyImage(w, h, pixels)));
    }

    private static GreyImage read(Path file) throws IOException {
        return new ImageDecoder(ImageLimits.defaults()).decode(Files.readAllBytes(file), file.getFileName().toString());
    }

    @Test
    void noiseWritesTheNoisyImageReproducibly(QuarkusMainLauncher launcher) throws IOException {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        assertThat(launcher.launch("noise", "--type", "gaussian", "--seed", "7", input.toString(), a.toString()).exitCode()).isZero();
        assertThat(launcher.launch("noise", "--type", "gaussian", "--seed", "7", input.toString(), b.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        GreyImage noisy = read(a);
        GreyImage clean = read(input);
        assertThat(noisy.width()).isEqualTo(300);
        assertThat(noisy.pixels()).isNotEqualTo(clean.pixels());
        Path identity = dir.resolve("identity.png");
        assertThat(launcher.launch("noise", "--type", "identity", input.toString(), identity.toString()).exitCode()).isZero();
        assertThat(read(identity).pixels()).isEqualTo(clean.pixels());
    }

    @Test
    void saltAndPepperTakesItsParameters(QuarkusMainLauncher launcher) throws IOException {
        Path out = dir.resolve("sp.png");
        LaunchResult result = launcher.launch("noise", "--type", "salt-pepper", "--amount", "1", "--salt-vs-pepper", "1",
                input.toString(), out.toString());
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        for (byte p : read(out).pixels()) {
            assertThat(p & 0xff).isEqualTo(255); // every pixel flipped, every flip salt
        }
    }

    @Test
    void invalidNoiseParametersAreUsageErrors(QuarkusMainLauncher launcher) {
        Path out = dir.resolve("x.png");
        List<List<String>> bad = List.of(
                List.of("noise", "--type", "gaussian", "--var", "-0.1", input.toString(), out.toString()),
                List.of("noise", "--type", "salt-pepper", "--amount", "1.5", input.toString(), out.toString()),
                List.of("noise", "--type", "blur", input.toString(), out.toString()),
                List.of("noise", "--type", "poisson", "--amount", "0.1", input.toString(), out.toString()));
        for (List<String> args : bad) {
            LaunchResult result = launcher.launch(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.getErrorOutput().strip().lines()).as(String.join(" ", args)).hasSize(1);
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void augmentWritesViewsTheirDescriptionAndAContactSheet(QuarkusMainLauncher launcher) throws IOException {
        Path out = dir.resolve("views");
        LaunchResult result = launcher.launch("augment", "--arm", "noise", "--seed", "3", "--views", "5", input.toString(), out.toString());
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        for (int v = 1; v <= 5; v++) {
            GreyImage view = read(out.resolve(String.format("view-%03d.png", v)));
            assertThat(view.width()).isEqualTo(224);
            assertThat(view.height()).isEqualTo(224);
        }
        List<String> csv = Files.readAllLines(out.resolve("views.csv"));
        assertThat(csv).hasSize(6);
        assertThat(csv.get(0)).isEqualTo("view,file,noise,crop_x,crop_y,crop_width,crop_height,flipped");
        GreyImage sheet = read(out.resolve("contact-sheet.png"));
        // six tiles (centre crop + 5 views) on a 3×2 grid with 4-pixel gutters
        assertThat(sheet.width()).isEqualTo(3 * 224 + 4 * 4);
        assertThat(sheet.height()).isEqualTo(2 * 224 + 3 * 4);

        Path again = dir.resolve("views-again");
        assertThat(launcher.launch("augment", "--arm", "noise", "--seed", "3", "--views", "5", input.toString(), again.toString())
                .exitCode()).isZero();
        assertThat(Files.readAllBytes(again.resolve("contact-sheet.png"))).isEqualTo(Files.readAllBytes(out.resolve("contact-sheet.png")));
        assertThat(Files.readAllLines(again.resolve("views.csv"))).isEqualTo(csv);
    }

    @Test
    void cleanArmViewsCarryNoNoise(QuarkusMainLauncher launcher) throws IOException {
        Path out = dir.resolve("clean");
        assertThat(launcher.launch("augment", "--arm", "clean", "--seed", "3", "--views", "4", input.toString(), out.toString())
                .exitCode()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("views.csv"));
        for (String row : csv.subList(1, csv.size())) {
            assertThat(row.split(",")[2]).isEqualTo("none");
        }
    }

    @Test
    void wrongArmOrViewCountIsAUsageError(QuarkusMainLauncher launcher) {
        assertThat(launcher.launch("augment", "--arm", "dirty", "--seed", "1", input.toString(), dir.resolve("o").toString())
                .exitCode()).isEqualTo(2);
        assertThat(launcher.launch("augment", "--arm", "clean", "--seed", "1", "--views", "0", input.toString(),
                dir.resolve("o").toString()).exitCode()).isEqualTo(2);
        assertThat(launcher.launch("augment", "--arm", "clean", input.toString(), dir.resolve("o").toString()).exitCode())
                .isEqualTo(2);
    }
}
