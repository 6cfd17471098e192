package org.auditgate.cli;

import org.auditgate.engine.AtomicFiles;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.augment.StreamKey;
import org.auditgate.engine.image.GreyImage;
import org.auditgate.engine.image.GreyPng;
import org.auditgate.engine.image.ImageDecoder;
import org.auditgate.engine.image.ImageLimits;
import org.auditgate.engine.noise.NoiseInjector;
import org.auditgate.engine.noise.NoiseParameters;
import org.auditgate.engine.noise.NoiseType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Applies one noise type, as the noise arm does, to one image. */
@Command(name = "noise", mixinStandardHelpOptions = true,
        description = "Apply one noise type (scikit-image random_noise semantics) to an image, as the noise arm does, and write a grey PNG.")
public class NoiseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "gaussian, speckle, poisson, salt-pepper or identity.")
    String type;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed of the random stream (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--mean", paramLabel = "M", description = "Mean of the gaussian or speckle noise (default 0).")
    Double mean;

    @Option(names = "--var", paramLabel = "V", description = "Variance of the gaussian or speckle noise (default 0.01).")
    Double variance;

    @Option(names = "--amount", paramLabel = "A", description = "Fraction of pixels flipped by salt-pepper noise, in [0,1] (default 0.05).")
    Double amount;

    @Option(names = "--salt-vs-pepper", paramLabel = "Q", description = "Share of flipped pixels set white, in [0,1] (default 0.5).")
    Double saltVsPepper;

    @Parameters(index = "0", paramLabel = "IN", description = "A PNG or JPEG image; it is converted to 8-bit grey.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT.png", description = "Where to write the noisy grey PNG.")
    Path out;

    @Override
    public Integer call() {
        NoiseType noiseType = parseType();
        NoiseParameters parameters = parameters(noiseType);
        GreyImage image = read(in);
        GreyImage noisy = new NoiseInjector(parameters).apply(noiseType, image,
                new StreamKey(seed, Arm.NOISE, 0, 0, 0).rng());
        AtomicFiles.write(out, GreyPng.encode(noisy));
        spec.commandLine().getOut().printf(Locale.ROOT, "%s noise (seed %d) on %s (%d×%d grey) written to %s%n",
                noiseType.cliName(), seed, in.getFileName(), image.width(), image.height(), out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private NoiseType parseType() {
        try {
            return NoiseType.parse(type);
        } catch (RejectedInputException e) {
            throw new UsageException("--type: " + e.problem() + "; " + e.remedy());
        }
    }

    private NoiseParameters parameters(NoiseType noiseType) {
        boolean gaussianLike = noiseType == NoiseType.GAUSSIAN || noiseType == NoiseType.SPECKLE;
        if (!gaussianLike && (mean != null || variance != null)) {
            throw new UsageException("--mean and --var apply to gaussian and speckle noise, not " + noiseType.cliName());
        }
        if (noiseType != NoiseType.SALT_PEPPER && (amount != null || saltVsPepper != null)) {
            throw new UsageException("--amount and --salt-vs-pepper apply to salt-pepper noise, not " + noiseType.cliName());
        }
        NoiseParameters paper = NoiseParameters.paper();
        double m = mean == null ? 0.0 : mean;
        double v = variance == null ? 0.01 : variance;
        try {
            return new NoiseParameters(
                    noiseType == NoiseType.GAUSSIAN ? m : paper.gaussianMean(),
                    noiseType == NoiseType.GAUSSIAN ? v : paper.gaussianVar(),
                    noiseType == NoiseType.SPECKLE ? m : paper.speckleMean(),
                    noiseType == NoiseType.SPECKLE ? v : paper.speckleVar(),
                    amount == null ? paper.amount() : amount,
                    saltVsPepper == null ? paper.saltVsPepper() : saltVsPepper);
        } catch (RejectedInputException e) {
            throw new UsageException(e.where() + ": " + e.problem() + (e.remedy() == null ? "" : "; " + e.remedy()));
        }
    }

    static GreyImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + " is not a file");
        }
        try {
            return new ImageDecoder(ImageLimits.defaults()).decode(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
