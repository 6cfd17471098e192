package org.auditgate.engine.reference;

import ai.onnx.proto.OnnxMl;
import org.auditgate.engine.AtomicFiles;
import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.evaluation.ModelInputs;
import org.auditgate.engine.evaluation.ScoredImage;
import org.auditgate.engine.onnx.GraphSurgery;
import org.auditgate.engine.onnx.MlpHead;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.split.Partition;
import org.auditgate.engine.training.HeadModel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the reference model of one (arm, seed): the retrained head grafted onto the vendor's own
 * backbone as a standalone ONNX model that {@code evaluate} runs like any vendor model, with the
 * preprocessing it was trained on declared in its metadata, and a CSV of the scores the head gave
 * in Java, so anyone can check that the exported model reproduces them.
 */
public final class ReferenceModelExport {

    /** The name of the exported model's only output (with a numeric suffix if the vendor graph uses it). */
    public static final String OUTPUT = "reference_probability";

    private ReferenceModelExport() {
    }

    /** The files written for one (arm, seed). */
    public record Files(Path model, Path scores) {
    }

    /** The reference model of (arm, seed) as ONNX. */
    public static OnnxMl.ModelProto model(OnnxModel vendor, ReferenceResult result, Arm arm, int seed) {
        SeedRun run = result.run(arm, seed);
        OnnxMl.ModelProto grafted = GraphSurgery.graftMlpHead(vendor.proto(), result.featureTensor(), mlpHead(run.head()),
                unusedName(vendor.proto().getGraph(), OUTPUT));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ModelInputs.SIZE_KEY, Integer.toString(result.inputSpec().size()));
        metadata.put(ModelInputs.MEAN_KEY, join(result.inputSpec().mean()));
        metadata.put(ModelInputs.STD_KEY, join(result.inputSpec().std()));
        metadata.put("auditgate.reference.vendorSha256", vendor.sha256());
        metadata.put("auditgate.reference.arm", arm.cliName());
        metadata.put("auditgate.reference.seed", Integer.toString(seed));
        metadata.put("auditgate.reference.auditSeed", Long.toString(result.auditSeed()));
        metadata.put("auditgate.reference.views", result.viewMode() == ViewMode.BANK
                ? result.viewMode().jsonName() + ":" + result.bankViews() : result.viewMode().jsonName());
        metadata.put("auditgate.reference.bestEpoch", Integer.toString(run.bestEpoch()));
        return GraphSurgery.withMetadata(grafted, metadata);
    }

    /** Writes {@code reference-<arm>-seed<S>.onnx} and {@code .scores.csv} into {@code folder}. */
    public static Files write(OnnxModel vendor, ReferenceResult result, Arm arm, int seed, Path folder) {
        String stem = String.format(Locale.ROOT, "reference-%s-seed%d", arm.cliName(), seed);
        Path model = AtomicFiles.write(folder.resolve(stem + ".onnx"), model(vendor, result, arm, seed).toByteArray());
        StringBuilder csv = new StringBuilder("path,label,score,source,split\n");
        for (ScoredImage s : result.run(arm, seed).scores()) {
            csv.append(csvField(s.entry().path())).append(',').append(csvField(s.entry().label())).append(',')
                    .append(s.score()).append(',').append(csvField(s.entry().source())).append(',')
                    .append(s.partition() == Partition.TEST ? "id" : "ood").append('\n');
        }
        Path scores = AtomicFiles.write(folder.resolve(stem + ".scores.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        return new Files(model, scores);
    }

    /** The head's weights in the layout {@link GraphSurgery#graftMlpHead} takes. */
    static MlpHead mlpHead(HeadModel head) {
        return new MlpHead(head.w1(), head.b1(), head.bnGamma(), head.bnBeta(), head.bnMean(), head.bnVar(), HeadModel.BN_EPS,
                head.w2(), head.b2());
    }

    /**
     * {@code base}, or {@code base_2}, {@code base_3}, …: the first name that neither names a tensor
     * or node of the graph nor prefixes one (the graft adds {@code <name>_features} and
     * {@code <name>_head_*}).
     */
    static String unusedName(OnnxMl.GraphProto graph, String base) {
        Set<String> used = new HashSet<>();
        graph.getNodeList().forEach(n -> {
            used.addAll(n.getOutputList());
            used.add(n.getName());
        });
        graph.getInputList().forEach(v -> used.add(v.getName()));
        graph.getInitializerList().forEach(t -> used.add(t.getName()));
        String name = base;
        for (int i = 2; clashes(used, name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    private static boolean clashes(Set<String> used, String name) {
        return used.stream().anyMatch(u -> u.equals(name) || u.startsWith(name + "_"));
    }

    private static String join(float[] values) {
        StringBuilder b = new StringBuilder();
        for (float v : values) {
            b.append(b.length() == 0 ? "" : ",").append(v);
        }
        return b.toString();
    }

    /**
     * A CSV field: quoted when it holds a comma, quote or line break; and, so that a spreadsheet
     * never runs it as a formula, prefixed with an apostrophe when it starts with = + - @ or a tab.
     */
    static String csvField(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
