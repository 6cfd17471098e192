package org.auditgate.cli;

import org.auditgate.engine.AtomicFiles;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.augment.ContactSheet;
import org.auditgate.engine.augment.StreamKey;
import org.auditgate.engine.augment.TrainingViews;
import org.auditgate.engine.image.GreyImage;
import org.auditgate.engine.image.GreyPng;
import org.auditgate.engine.image.Resize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Writes the training views one arm would train on, so a reviewer can see them. */
@Command(name = "augment", mixinStandardHelpOptions = true,
        description = "Write K training views of an image for one arm (clean: crop + flip; noise: noise, then crop + flip), "
                + "views.csv describing each, and contact-sheet.png.")
public class AugmentCommand implements Callable<Integer> {

    static final int SIZE = 224;

    @Spec
    CommandSpec spec;

    @Option(names = "--arm", required = true, paramLabel = "clean|noise", description = "Which arm's views to draw.")
    String arm;

    @Option(names = "--seed", required = true, paramLabel = "N", description = "Audit seed of the random streams.")
    long seed;

    @Option(names = "--views", defaultValue = "16", paramLabel = "K", description = "How many views (1–256, default ${DEFAULT-VALUE}).")
    int views;

    @Parameters(index = "0", paramLabel = "IN", description = "A PNG or JPEG image.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT_DIR", description = "Folder for the views, views.csv and contact-sheet.png.")
    Path outDir;

    @Override
    public Integer call() {
        Arm chosen = parseArm();
        if (views < 1 || views > 256) {
            throw new UsageException("--views must be between 1 and 256, not " + views);
        }
        GreyImage resized = Resize.resizeShorterSide(NoiseCommand.read(in), SIZE);
        TrainingViews training = TrainingViews.paper();
        StringBuilder csv = new StringBuilder("view,file,noise,crop_x,crop_y,crop_width,crop_height,flipped\n");
        List<GreyImage> tiles = new ArrayList<>();
        tiles.add(Resize.centreCrop(resized, SIZE));
        for (int v = 0; v < views; v++) {
            TrainingViews.View view = training.view(resized, new StreamKey(seed, chosen, 0, v, 0));
            String file = String.format(Locale.ROOT, "view-%03d.png", v + 1);
            AtomicFiles.write(outDir.resolve(file), GreyPng.encode(view.image()));
            csv.append(v + 1).append(',').append(file).append(',').append(view.noise().map(n -> n.cliName()).orElse("none")).append(',')
                    .append(view.crop().x()).append(',').append(view.crop().y()).append(',')
                    .append(view.crop().width()).append(',').append(view.crop().height()).append(',')
                    .append(view.flipped()).append('\n');
            tiles.add(view.image());
        }
        AtomicFiles.write(outDir.resolve("views.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(outDir.resolve("contact-sheet.png"), GreyPng.encode(ContactSheet.grid(tiles, 4, 255)));
        spec.commandLine().getOut().printf(Locale.ROOT,
                "%d %s-arm views of %s written to %s (contact-sheet.png: the centre crop first, then the views; views.csv describes each)%n",
                views, chosen.cliName(), in.getFileName(), outDir);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private Arm parseArm() {
        try {
            return Arm.parse(arm);
        } catch (RejectedInputException e) {
            throw new UsageException("--arm: " + e.problem() + (e.remedy() == null ? "" : "; " + e.remedy()));
        }
    }
}
