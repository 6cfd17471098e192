package org.auditgate.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.auditgate.engine.RejectedInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end: generate the dataset, run the backbone, fit the head on ID patients, and
 * check that the vendor model learned the shortcut (excellent ID, near chance OOD).
 */
class DemoVendorModelTest {

    private static final int F = DemoBackbone.FEATURES;
    private static final int PER_IMAGE = 3 * DemoBackbone.SIZE * DemoBackbone.SIZE;

    @TempDir
    static Path dir;

    private static String[][] rows;
    private static float[] images;
    private static float[] features;
    private static final List<Integer> ID_TRAIN = new ArrayList<>();
    private static final List<Integer> ID_TEST = new ArrayList<>();
    private static final List<Integer> OOD = new ArrayList<>();

    @BeforeAll
    static void generateAndExtract() throws Exception {
        DemoDatasetSummary summary = SyntheticCxrGenerator.write(dir, 42);
        List<String> lines = Files.readAllLines(summary.manifest());
        int n = lines.size() - 1;
        rows = new String[n][];
        images = new float[n * PER_IMAGE];
        for (int i = 0; i < n; i++) {
            rows[i] = lines.get(i + 1).split(",");
            DemoTensors.preprocess(dir.resolve(rows[i][0]), images, i * PER_IMAGE);
            boolean id = rows[i][2].equals("site-north") || rows[i][2].equals("site-south");
            // split by patient: the draw depends only on the patient id
            double u = new SplittableRandom(rows[i][3].hashCode()).nextDouble();
            (id ? (u < 0.6 ? ID_TRAIN : ID_TEST) : OOD).add(i);
        }
        features = DemoTensors.run(DemoBackbone.build().toByteArray(), DemoBackbone.OUTPUT, images, n, F);
    }

    @Test
    void headFittedOnConfoundedIdDataLearnsTheShortcut() {
        LogisticHead head = fit(ID_TRAIN);
        double id = auroc(head, ID_TEST);
        double ood = auroc(head, OOD);
        System.out.printf("demo vendor AUROC: ID held-out %.3f (n=%d), OOD %.3f (n=%d)%n", id, ID_TEST.size(), ood,
                OOD.size());
        assertThat(id).isGreaterThanOrEqualTo(0.9);
        assertThat(ood).isLessThanOrEqualTo(0.7);
    }

    /** The disease is learnable from the same features: a head fitted on OOD patients ranks held-out OOD well. */
    @Test
    void diseaseIsVisibleToTheBackboneWhenSitesDoNotGiveItAway() {
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i : OOD) {
            (Integer.parseInt(rows[i][3].substring(1)) % 2 == 0 ? train : test).add(i);
        }
        double auroc = auroc(fit(train), test);
        System.out.printf("head fitted on OOD patients, held-out OOD AUROC %.3f%n", auroc);
        assertThat(auroc).isGreaterThan(0.8);
    }

    @Test
    void assembledModelScoresAsTheHeadAndExposesFeaturesToTheLastGemm() throws Exception {
        LogisticHead head = fit(ID_TRAIN);
        OnnxMl.ModelProto model = DemoVendorModel.assemble(DemoBackbone.build(), head);
        OnnxMl.GraphProto graph = model.getGraph();
        assertThat(graph.getOutputList()).extracting(OnnxMl.ValueInfoProto::getName).containsExactly("probability");
        OnnxMl.NodeProto gemm = graph.getNodeList().stream().filter(n -> n.getOpType().equals("Gemm"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(gemm.getInput(0)).isEqualTo("features");
        assertThat(model.getMetadataPropsList()).extracting(OnnxMl.StringStringEntryProto::getKey)
                .containsExactlyInAnyOrder("auditgate.input.size", "auditgate.input.mean", "auditgate.input.std",
                        "auditgate.model.name");

        int n = 40;
        int start = OOD.get(0);
        float[] batch = new float[n * PER_IMAGE];
        System.arraycopy(images, start * PER_IMAGE, batch, 0, batch.length);
        float[] probability = DemoTensors.run(model.toByteArray(), DemoVendorModel.OUTPUT, batch, n, 1);
        for (int i = 0; i < n; i++) {
            assertThat((double) probability[i]).isCloseTo(head.score(features, (start + i) * F), within(1e-4));
        }
    }

    @Test
    void refusesABackboneWithoutFeatures() {
        LogisticHead head = fit(ID_TRAIN);
        OnnxMl.ModelProto empty = OnnxMl.ModelProto.newBuilder().setGraph(OnnxMl.GraphProto.newBuilder()).build();
        assertThatThrownBy(() -> DemoVendorModel.assemble(empty, head))
                .isInstanceOf(RejectedInputException.class).hasMessageContaining("features");
    }

    private static LogisticHead fit(List<Integer> indices) {
        float[] x = new float[indices.size() * F];
        boolean[] y = new boolean[indices.size()];
        for (int k = 0; k < indices.size(); k++) {
            System.arraycopy(features, indices.get(k) * F, x, k * F, F);
            y[k] = rows[indices.get(k)][1].equals(SyntheticCxrGenerator.POSITIVE);
        }
        return LogisticHead.fit(x, indices.size(), F, y, 42);
    }

    private static double auroc(LogisticHead head, List<Integer> indices) {
        double[] s = new double[indices.size()];
        boolean[] y = new boolean[indices.size()];
        for (int k = 0; k < indices.size(); k++) {
            s[k] = head.score(features, indices.get(k) * F);
            y[k] = rows[indices.get(k)][1].equals(SyntheticCxrGenerator.POSITIVE);
        }
        return DemoTensors.auroc(s, y);
    }
}
