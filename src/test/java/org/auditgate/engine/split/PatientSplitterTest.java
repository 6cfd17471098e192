package org.auditgate.engine.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.auditgate.engine.dataset.DatasetFixtures.assertRejected;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.auditgate.engine.RejectedInputException.Kind;
import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.dataset.SiteDataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Splitting by patient, by the manifest, and into ID and OOD. */
class PatientSplitterTest {

    private static final String CONFIG = """
            task: {positive: pos, negative: neg}
            sources:
              neg: {id: [idA], ood: [oodA]}
              pos: {id: [idB], ood: "*"}
            split: {train: 0.6, val: 0.15, test: 0.25, seed: 7}
            """;

    private static DatasetEntry row(int line, String label, String source, String patient, String split) {
        return new DatasetEntry(line, "img" + line + ".png", label, source, patient, split, null, Map.of());
    }

    /**
     * 20 negative-only patients (idA, one to three images), 10 positive-only patients (idB), 3 patients
     * with both labels, images without patient id, OOD images, and unused ones.
     */
    private static List<DatasetEntry> rows() {
        List<DatasetEntry> rows = new ArrayList<>();
        int line = 2;
        for (int p = 0; p < 20; p++) {
            for (int i = 0; i <= p % 3; i++) {
                rows.add(row(line++, "neg", "idA", "n" + p, null));
            }
        }
        for (int p = 0; p < 10; p++) {
            rows.add(row(line++, "pos", "idB", "q" + p, null));
        }
        for (int p = 0; p < 3; p++) {
            rows.add(row(line++, "neg", "idA", "both" + p, null));
            rows.add(row(line++, "pos", "idB", "both" + p, null));
        }
        rows.add(row(line++, "pos", "idB", null, null));
        rows.add(row(line++, "neg", "oodA", "n3", null));
        rows.add(row(line++, "neg", "oodA", "o1", null));
        rows.add(row(line++, "pos", "elsewhere", "o2", null));
        rows.add(row(line++, "pos", "oodA", "o3", null));
        rows.add(row(line++, "neg", "unlisted", "u1", null));
        return rows;
    }

    private static Map<String, Partition> byPath(SplitResult result) {
        return result.assignments().stream().collect(Collectors.toMap(a -> a.entry().path(), Assignment::partition));
    }

    @Test
    void allocatesByLargestRemainderWithValAndTestNeverEmptyFromThreePatients() {
        SplitFractions paper = new SplitFractions(0.6, 0.15, 0.25);
        assertThat(PatientSplitter.allocate(10, paper)).containsExactly(6, 2, 2);
        assertThat(PatientSplitter.allocate(20, paper)).containsExactly(12, 3, 5);
        assertThat(PatientSplitter.allocate(2, paper)).containsExactly(1, 0, 1);
        assertThat(PatientSplitter.allocate(0, paper)).containsExactly(0, 0, 0);
        assertThat(PatientSplitter.allocate(1, SplitFractions.DEFAULT)).containsExactly(1, 0, 0);
        assertThat(PatientSplitter.allocate(3, SplitFractions.DEFAULT)).containsExactly(1, 1, 1);
        assertThat(PatientSplitter.allocate(7, SplitFractions.DEFAULT)).containsExactly(5, 1, 1);
        assertThat(PatientSplitter.allocate(13, SplitFractions.DEFAULT)).containsExactly(10, 1, 2);
    }

    @Test
    void splitsIdByPatientStratifiedAndSendsOodToTest() {
        List<DatasetEntry> rows = rows();
        SplitResult result = PatientSplitter.split(rows, AuditConfig.parse(CONFIG, "audit.yaml"));

        Map<String, Set<Partition>> partitionsOfPatient = new HashMap<>();
        for (Assignment a : result.assignments()) {
            if (a.partition() != Partition.OOD) {
                partitionsOfPatient.computeIfAbsent(a.entry().patientKey(), k -> new HashSet<>()).add(a.partition());
            }
        }
        assertThat(partitionsOfPatient).hasSize(34).allSatisfy((patient, parts) -> assertThat(parts).hasSize(1));

        Map<Partition, Long> negOnly = countPatients(result, "n");
        assertThat(negOnly).containsEntry(Partition.TRAIN, 12L).containsEntry(Partition.VAL, 3L).containsEntry(Partition.TEST, 5L);
        Map<Partition, Long> posOnly = countPatients(result, "q");
        DatasetEntry withoutPatient = rows.stream().filter(r -> r.patientId() == null).findFirst().orElseThrow();
        posOnly.merge(partitionsOfPatient.get(withoutPatient.patientKey()).iterator().next(), 1L, Long::sum);
        assertThat(posOnly).containsEntry(Partition.TRAIN, 6L).containsEntry(Partition.VAL, 2L).containsEntry(Partition.TEST, 3L);
        assertThat(countPatients(result, "both")).containsEntry(Partition.TRAIN, 1L).containsEntry(Partition.VAL, 1L)
                .containsEntry(Partition.TEST, 1L);

        assertThat(result.of(Partition.OOD)).extracting(DatasetEntry::source).containsExactly("oodA", "oodA", "elsewhere", "oodA");
        assertThat(result.unused()).extracting(DatasetEntry::source).containsExactly("unlisted");
        assertThat(result.patientsInIdAndOod()).containsExactly("n3");
        assertThat(result.assignments()).hasSize(rows.size() - 1);
        assertThat(result.assignments()).extracting(Assignment::entry).containsExactlyElementsOf(
                rows.stream().filter(r -> !r.source().equals("unlisted")).toList());
    }

    private static Map<Partition, Long> countPatients(SplitResult result, String prefix) {
        return result.assignments().stream()
                .filter(a -> a.entry().patientId() != null && a.entry().patientId().matches(prefix + "\\d+"))
                .filter(a -> a.partition() != Partition.OOD)
                .collect(Collectors.groupingBy(a -> a.entry().patientKey(),
                        Collectors.mapping(Assignment::partition, Collectors.toSet())))
                .values().stream()
                .collect(Collectors.groupingBy(parts -> parts.iterator().next(), HashMap::new, Collectors.counting()));
    }

    @Test
    void sameRowsAndSeedGiveTheSameSplitInAnyOrder() {
        AuditConfig config = AuditConfig.parse(CONFIG, "audit.yaml");
        Map<String, Partition> reference = byPath(PatientSplitter.split(rows(), config));
        for (long shuffleSeed = 1; shuffleSeed <= 5; shuffleSeed++) {
            List<DatasetEntry> shuffled = new ArrayList<>(rows());
            Collections.shuffle(shuffled, new Random(shuffleSeed));
            assertThat(byPath(PatientSplitter.split(shuffled, config))).isEqualTo(reference);
        }
        AuditConfig otherSeed = AuditConfig.parse(CONFIG.replace("seed: 7", "seed: 8"), "audit.yaml");
        assertThat(byPath(PatientSplitter.split(rows(), otherSeed))).isNotEqualTo(reference);
    }

    @Test
    void takesTheManifestSplitWhenAsked() {
        AuditConfig manifest = AuditConfig.parse(CONFIG.replace("{train:", "{method: manifest, train:"), "audit.yaml");
        assertThat(manifest.splitMethod()).isEqualTo(SplitMethod.MANIFEST);
        List<DatasetEntry> rows = List.of(
                row(2, "neg", "idA", "a", "train"),
                row(3, "neg", "idA", "a", "train"),
                row(4, "pos", "idB", "b", "val"),
                row(5, "pos", "idB", null, "test"),
                row(6, "neg", "oodA", "c", null));
        assertThat(PatientSplitter.split(rows, manifest).assignments()).extracting(Assignment::partition)
                .containsExactly(Partition.TRAIN, Partition.TRAIN, Partition.VAL, Partition.TEST, Partition.OOD);
        assertRejected(() -> PatientSplitter.split(List.of(rows.get(0), row(3, "pos", "idB", "b", null), rows.get(4)), manifest),
                Kind.MANIFEST, "manifest.csv line 3, column split", "is empty", "audit.yaml line 5 sets split.method: manifest");
        assertRejected(() -> PatientSplitter.split(List.of(rows.get(0), row(3, "pos", "idB", "a", "test"), rows.get(4)), manifest),
                Kind.MANIFEST, "manifest.csv line 3, column split", "puts patient a in test, but line 2 puts the patient in train");
    }

    @Test
    void checksTheConfigurationAgainstTheRowsFirst() {
        List<DatasetEntry> rows = new ArrayList<>(rows());
        rows.add(row(99, "other", "idA", "x", null));
        assertRejected(() -> PatientSplitter.split(rows, AuditConfig.parse(CONFIG, "audit.yaml")), Kind.MANIFEST,
                "manifest.csv line 99", "unknown label 'other'");
    }

    @Test
    void splitsTheRealCollectionLikeThePaper() {
        String shared = System.getProperty("auditgate.sharedData");
        Path root = shared == null ? null : Path.of(shared, "cxr-covid-pneumonia");
        Assumptions.assumeTrue(root != null && Files.isDirectory(root),
                "shared data (system property auditgate.sharedData) with cxr-covid-pneumonia is absent");
        String yaml = """
                task: {positive: pneumonia, negative: covid}
                sources:
                  covid: {id: [github.com], ood: [sirm.org, radiopaedia.org]}
                  pneumonia: {id: [eurorad.org], ood: [radiopaedia.org]}
                split: {train: 0.6, val: 0.15, test: 0.25, seed: 20251105}
                """;
        try (SiteDataset dataset = SiteDataset.open(root)) {
            SplitResult result = PatientSplitter.split(dataset.entries(), AuditConfig.parse(yaml, "audit.yaml"));
            List<DatasetEntry> train = result.of(Partition.TRAIN);
            List<DatasetEntry> val = result.of(Partition.VAL);
            List<DatasetEntry> test = result.of(Partition.TEST);
            assertThat(train.size() + val.size() + test.size()).isEqualTo(120);
            assertThat(result.of(Partition.OOD)).hasSize(67 + 56 + 28);
            assertThat(result.unused()).hasSize(464 - 120 - 151);
            for (List<DatasetEntry> part : List.of(train, val, test)) {
                assertThat(part).extracting(DatasetEntry::label).contains("covid", "pneumonia");
            }
            Set<String> trainPatients = patients(train);
            Set<String> valPatients = patients(val);
            Set<String> testPatients = patients(test);
            assertThat(trainPatients).doesNotContainAnyElementsOf(valPatients).doesNotContainAnyElementsOf(testPatients);
            assertThat(valPatients).doesNotContainAnyElementsOf(testPatients);

            String wrong = yaml.replace("ood: [radiopaedia.org]}", "ood: [radiopaedia.org, nejm.org]}");
            assertRejected(() -> PatientSplitter.split(dataset.entries(), AuditConfig.parse(wrong, "audit.yaml")),
                    Kind.CONFIG, "audit.yaml line 4, sources.pneumonia.ood", "'nejm.org'", "eurorad.org", "radiopaedia.org");
        }
    }

    private static Set<String> patients(List<DatasetEntry> entries) {
        return entries.stream().map(DatasetEntry::patientKey).collect(Collectors.toSet());
    }
}
