package org.auditgate.engine.demo;

import ai.onnx.proto.OnnxMl;
import org.auditgate.engine.AtomicFiles;
import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.evaluation.FeatureExtractor;
import org.auditgate.engine.evaluation.ImageBatches;
import org.auditgate.engine.evaluation.ModelInputs;
import org.auditgate.engine.evaluation.Progress;
import org.auditgate.engine.image.ImageLimits;
import org.auditgate.engine.image.InputSpec;
import org.auditgate.engine.onnx.InferenceSession;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.onnx.RuntimeOptions;
import org.auditgate.engine.split.AuditConfig;
import org.auditgate.engine.split.ModelSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Lays out everything the demo needs in one folder, so a user can rerun every step by hand:
 * {@code dataset/} (the hospital's synthetic site dataset with its manifest), {@code audit.yaml}
 * and {@code vendor-model.onnx}.
 *
 * <p>The vendor is simulated honestly: its head is fitted on the vendor's <em>own</em> training
 * data — another synthetic dataset from the same two ID sites, drawn with another seed, written
 * to a temporary folder and deleted afterwards — never on the hospital's images. Because every ID
 * pneumonia image comes from one site and every ID normal image from another, the head is free
 * to learn the sites' acquisition artifacts instead of the opacity, which is the failure the
 * evaluation must expose.
 */
public final class DemoScenario {

    /** The files the demo wrote. */
    public record Layout(Path folder, Path dataset, Path auditConfig, Path vendorModel, DemoDatasetSummary summary) {
    }

    private DemoScenario() {
    }

    public static Layout create(Path folder, long seed, RuntimeOptions runtime, int threads, Progress progress) {
        try {
            Files.createDirectories(folder);
            Path dataset = folder.resolve("dataset");
            progress.update("writing the hospital's dataset", 0, 1);
            DemoDatasetSummary summary = SyntheticCxrGenerator.write(dataset, seed);
            progress.update("writing the hospital's dataset", 1, 1);
            Path auditConfig = AtomicFiles.write(folder.resolve("audit.yaml"), SyntheticCxrGenerator.auditYaml().getBytes(StandardCharsets.UTF_8));
            OnnxMl.ModelProto vendor = fitVendorModel(folder, seed + 1, auditConfig, runtime, threads, progress);
            Path model = AtomicFiles.write(folder.resolve("vendor-model.onnx"), vendor.toByteArray());
            return new Layout(folder, dataset, auditConfig, model, summary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo into " + folder + ": " + e.getMessage(), e);
        }
    }

    private static OnnxMl.ModelProto fitVendorModel(Path folder, long vendorSeed, Path auditConfig, RuntimeOptions runtime,
                                                    int threads, Progress progress) throws IOException {
        Path vendorData = Files.createTempDirectory(folder, ".vendor-training-");
        try {
            SyntheticCxrGenerator.write(vendorData, vendorSeed);
            AuditConfig config = AuditConfig.load(auditConfig);
            OnnxMl.ModelProto backbone = DemoBackbone.build();
            OnnxModel backboneModel = OnnxModel.of(backbone, "demo-backbone.onnx");
            InputSpec spec = ModelInputs.inputSpec(backboneModel.inspect().metadata(), ModelSettings.NONE);
            try (SiteDataset vendorSet = SiteDataset.open(vendorData);
                 ImageBatches batches = new ImageBatches(vendorSet, spec, ImageLimits.defaults(), 32, threads);
                 InferenceSession session = InferenceSession.open(backboneModel.bytes(), runtime)) {
                List<DatasetEntry> training = vendorSet.entries().stream()
                        .filter(e -> config.isId(e.label(), e.source()))
                        .toList();
                FeatureExtractor.Features features = FeatureExtractor.extract(batches, training, session, DemoBackbone.OUTPUT,
                        (stage, done, total) -> progress.update("fitting the vendor's head on its own data", done, total));
                boolean[] positive = new boolean[training.size()];
                for (int i = 0; i < positive.length; i++) {
                    positive[i] = training.get(i).label().equals(config.positive());
                }
                LogisticHead head = LogisticHead.fit(features.values(), features.rows(), features.dimension(), positive, vendorSeed);
                return DemoVendorModel.assemble(backbone, head);
            }
        } finally {
            deleteRecursively(vendorData);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
