package org.auditgate.engine.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.auditgate.engine.dataset.DatasetFixtures.assertRejected;
import static org.auditgate.engine.dataset.DatasetFixtures.directory;
import static org.auditgate.engine.dataset.DatasetFixtures.twoImages;
import static org.auditgate.engine.dataset.DatasetFixtures.utf8;
import static org.auditgate.engine.dataset.DatasetFixtures.zip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.auditgate.engine.RejectedInputException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading well-formed datasets from directories and zips. */
class SiteDatasetTest {

    @TempDir
    Path tmp;

    @Test
    void readsADirectoryWithMetadataColumnsInHeaderOrder() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] manifest = utf8("path,zeta,label,source,patient_id,split,view,alpha\n"
                + "images/a.png,z1,covid,s1,p1,train,PA,a1\n"
                + "./images/b.PNG,z2,pneumonia,s2,,,,a2\n");
        files.put("manifest.csv", manifest);
        files.put("images/a.png", utf8("png-a"));
        files.put("images/b.PNG", utf8("png-b"));
        files.put("notes.txt", utf8("not an image, need not be listed"));
        try (SiteDataset dataset = SiteDataset.open(directory(tmp.resolve("site"), files))) {
            List<DatasetEntry> entries = dataset.entries();
            assertThat(entries).hasSize(2);
            DatasetEntry a = entries.get(0);
            assertThat(a).isEqualTo(new DatasetEntry(2, "images/a.png", "covid", "s1", "p1", "train", "PA",
                    Map.of("zeta", "z1", "alpha", "a1")));
            assertThat(a.metadata().keySet()).containsExactly("zeta", "alpha");
            assertThat(a.patientKey()).isEqualTo("p1");
            DatasetEntry b = entries.get(1);
            assertThat(b.line()).isEqualTo(3);
            assertThat(b.path()).isEqualTo("images/b.PNG");
            assertThat(b.patientId()).isNull();
            assertThat(b.split()).isNull();
            assertThat(b.view()).isNull();
            assertThat(b.patientKey()).isEqualTo("image:images/b.PNG");
            assertThat(dataset.labels()).containsExactly("covid", "pneumonia");
            assertThat(dataset.sources()).containsExactly("s1", "s2");
            assertThat(dataset.read(b)).isEqualTo(utf8("png-b"));
            assertThat(dataset.manifestSha256())
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifest)));
            assertThat(dataset.origin()).isEqualTo(tmp.resolve("site"));
        }
    }

    @Test
    void handlesByteOrderMarkQuotedLineBreaksAndBlankLines() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.csv", utf8("\uFEFFpath,label,source,comment\r\n"
                + "a.png,covid,s1,\"two\r\nlines, with comma \"\r\n"
                + "\r\n"
                + "b.png,covid,\" s 2\",plain\r\n"));
        files.put("a.png", utf8("a"));
        files.put("b.png", utf8("b"));
        try (SiteDataset dataset = SiteDataset.open(directory(tmp.resolve("bom"), files))) {
            assertThat(dataset.entries()).extracting(DatasetEntry::line).containsExactly(2, 5);
            assertThat(dataset.entries().get(0).metadata()).containsEntry("comment", "two\r\nlines, with comma ");
            assertThat(dataset.entries().get(1).source()).isEqualTo(" s 2");
            assertThat(dataset.labels()).containsExactly("covid");
        }
    }

    @Test
    void readsAZipAndAZipWithOneTopFolder() throws IOException {
        try (SiteDataset dataset = SiteDataset.open(zip(tmp.resolve("flat.zip"), twoImages()))) {
            assertThat(dataset.entries()).extracting(DatasetEntry::path).containsExactly("images/a.png", "images/b.jpg");
            assertThat(dataset.read(dataset.entries().get(0))).isEqualTo(utf8("png-a"));
        }
        Map<String, byte[]> nested = new LinkedHashMap<>();
        twoImages().forEach((name, bytes) -> nested.put("site-2024/" + name, bytes));
        nested.put("__MACOSX/site-2024/images/._a.png", utf8("resource fork"));
        try (SiteDataset dataset = SiteDataset.open(zip(tmp.resolve("nested.zip"), nested))) {
            assertThat(dataset.entries()).hasSize(2);
            assertThat(dataset.read(dataset.entries().get(1))).isEqualTo(utf8("jpg-b"));
        }
    }

    @Test
    void readsAZipFromManyThreadsAtOnce() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder manifest = new StringBuilder("path,label,source\n");
        for (int i = 0; i < 40; i++) {
            byte[] image = new byte[10_000 + i];
            new java.util.SplittableRandom(i).nextBytes(image);
            files.put("img" + i + ".png", image);
            manifest.append("img").append(i).append(".png,").append(i % 2 == 0 ? "a" : "b").append(",s\n");
        }
        files.put("manifest.csv", utf8(manifest.toString()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SiteDataset dataset = SiteDataset.open(zip(tmp.resolve("many.zip"), files))) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (DatasetEntry entry : dataset.entries()) {
                    results.add(pool.submit(() -> java.util.Arrays.equals(dataset.read(entry), files.get(entry.path()))));
                }
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void acceptsTheSameImageForTwoPatientsWithOneLabel() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.csv", utf8("path,label,source,patient_id\na.png,covid,s1,p1\na.png,covid,s1,p2\n"));
        files.put("a.png", utf8("a"));
        try (SiteDataset dataset = SiteDataset.open(directory(tmp.resolve("dup"), files))) {
            assertThat(dataset.entries()).extracting(DatasetEntry::patientKey).containsExactly("p1", "p2");
        }
    }

    @Test
    void refusesReadsOfForeignEntriesAndAfterClose() throws IOException {
        SiteDataset dataset = SiteDataset.open(zip(tmp.resolve("c.zip"), twoImages()));
        DatasetEntry foreign = new DatasetEntry(2, "other.png", "covid", "s1", null, null, null, Map.of());
        assertThatThrownBy(() -> dataset.read(foreign)).isInstanceOf(IllegalArgumentException.class);
        dataset.close();
        assertThatThrownBy(() -> dataset.read(dataset.entries().get(0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsTheRealCovidPneumoniaCollection() throws IOException {
        String shared = System.getProperty("auditgate.sharedData");
        Path root = shared == null ? null : Path.of(shared, "cxr-covid-pneumonia");
        org.junit.jupiter.api.Assumptions.assumeTrue(root != null && Files.isDirectory(root),
                "shared data (system property auditgate.sharedData) with cxr-covid-pneumonia is absent");
        try (SiteDataset dataset = SiteDataset.open(root)) {
            assertThat(dataset.entries()).hasSize(464);
            assertThat(dataset.labels()).containsExactly("covid", "pneumonia");
            assertThat(dataset.sources()).hasSize(34).contains("github.com", "eurorad.org", "sirm.org", "radiopaedia.org");
            assertThat(dataset.entries().stream().filter(e -> e.label().equals("covid"))).hasSize(399);
            assertThat(dataset.entries().get(0).metadata().keySet()).containsExactly("finding", "license", "origin");
            for (DatasetEntry entry : dataset.entries()) {
                byte[] bytes = dataset.read(entry);
                boolean png = bytes.length > 8 && bytes[0] == (byte) 0x89 && bytes[1] == 'P';
                boolean jpeg = bytes.length > 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xD8;
                assertThat(png || jpeg).as(entry.path()).isTrue();
            }
        }
    }

    @Test
    void rejectsInvalidLimits() {
        assertThatThrownBy(() -> new DatasetLimits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DatasetLimits.defaults().maxEntries()).isEqualTo(200_000);
        assertRejected(() -> SiteDataset.open(tmp.resolve("nowhere")), Kind.DATASET, "nowhere", "does not exist");
    }
}
