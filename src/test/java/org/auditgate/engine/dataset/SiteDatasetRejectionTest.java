package org.auditgate.engine.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.auditgate.engine.dataset.DatasetFixtures.assertRejected;
import static org.auditgate.engine.dataset.DatasetFixtures.directory;
import static org.auditgate.engine.dataset.DatasetFixtures.twoImages;
import static org.auditgate.engine.dataset.DatasetFixtures.utf8;
import static org.auditgate.engine.dataset.DatasetFixtures.zip;
import static org.auditgate.engine.dataset.DatasetFixtures.zipMadeOnUnix;
import static org.auditgate.engine.dataset.DatasetFixtures.zipWithLink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.auditgate.engine.RejectedInputException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way the reader refuses a dataset, one test each. */
class SiteDatasetRejectionTest {

    private static final DatasetLimits SMALL = new DatasetLimits(10, 1 << 20, 4 << 20, 100);

    @TempDir
    Path tmp;

    private Path dirWithManifest(String manifest, String... images) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.csv", utf8(manifest));
        for (String image : images) {
            files.put(image, utf8("bytes of " + image));
        }
        return directory(tmp.resolve("site"), files);
    }

    // ---- the container

    @Test
    void neitherDirectoryNorFile() {
        assertRejected(() -> SiteDataset.open(Path.of("/dev/null")), Kind.DATASET, "null", "neither a directory nor a zip");
    }

    @Test
    void notAZip() throws IOException {
        Path file = Files.writeString(tmp.resolve("site.zip"), "this is not a zip");
        assertRejected(() -> SiteDataset.open(file), Kind.ARCHIVE, "site.zip", "not a valid zip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.png", "images/../../evil.png", "/etc/evil.png", "C:/evil.png", "images/sub\\evil.png"})
    void zipEntryEscapingTheArchive(String name) throws IOException {
        Map<String, byte[]> files = twoImages();
        files.put(name, utf8("x"));
        Path file = zipMadeOnUnix(tmp.resolve("trav.zip"), files);
        assertRejected(() -> SiteDataset.open(file), Kind.ARCHIVE, "trav.zip entry " + name);
    }

    @Test
    void zipEntryWithWindowsSeparatorsClimbingOut() throws IOException {
        Map<String, byte[]> files = twoImages();
        files.put("..\\evil.png", utf8("x"));
        Path file = zip(tmp.resolve("win.zip"), files);
        assertRejected(() -> SiteDataset.open(file), Kind.ARCHIVE, "win.zip entry ", "evil.png");
    }

    @Test
    void zipSymlinkEntry() throws IOException {
        Path file = zipWithLink(tmp.resolve("link.zip"), twoImages(), "images/c.png", "/etc/passwd");
        assertRejected(() -> SiteDataset.open(file), Kind.ARCHIVE, "link.zip entry images/c.png", "symbolic link");
    }

    @Test
    void symlinkInDirectory() throws IOException {
        Path dir = directory(tmp.resolve("site"), twoImages());
        Files.createSymbolicLink(dir.resolve("images/c.png"), Path.of("/etc/hostname"));
        assertRejected(() -> SiteDataset.open(dir), Kind.DATASET, "file images/c.png", "symbolic link");
    }

    @Test
    void symlinkedFolderInDirectory() throws IOException {
        Path dir = directory(tmp.resolve("site"), twoImages());
        Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(dir.resolve("more"), tmp.resolve("outside"));
        assertRejected(() -> SiteDataset.open(dir), Kind.DATASET, "file more", "symbolic link");
    }

    @Test
    void manifestPathOutsideTheDataset() throws IOException {
        Path dir = dirWithManifest("path,label,source\nimages/../../secret.png,covid,s1\n");
        assertRejected(() -> SiteDataset.open(dir), Kind.MANIFEST, "manifest.csv line 2, column path", "outside the dataset");
        Path absolute = directory(tmp.resolve("abs"), Map.of("manifest.csv", utf8("path,label,source\n/etc/hostname,covid,s1\n")));
        assertRejected(() -> SiteDataset.open(absolute), Kind.MANIFEST, "line 2, column path", "not a relative path");
    }

    @Test
    void tooManyEntries() throws IOException {
        Map<String, byte[]> files = twoImages();
        for (int i = 0; i < 10; i++) {
            files.put("extra/" + i + ".txt", utf8("x"));
        }
        Path file = zip(tmp.resolve("many.zip"), files);
        assertRejected(() -> SiteDataset.open(file, SMALL), Kind.ARCHIVE, "many.zip", "more than the limit of 10");
        Path dir = directory(tmp.resolve("many"), files);
        assertRejected(() -> SiteDataset.open(dir, SMALL), Kind.DATASET, "many", "more than 10 files");
    }

    @Test
    void compressionRatioAboveTheLimit() throws IOException {
        Map<String, byte[]> files = twoImages();
        files.put("images/bomb.png", new byte[2 << 20]);
        Path file = zip(tmp.resolve("bomb.zip"), files);
        DatasetLimits limits = new DatasetLimits(10, 8 << 20, 64 << 20, 100);
        assertRejected(() -> SiteDataset.open(file, limits), Kind.ARCHIVE, "bomb.zip entry images/bomb.png",
                "ratio above the limit of 100");
    }

    @Test
    void entryInflatingBeyondItsHeaderIsCaughtWhileReading() throws IOException {
        Map<String, byte[]> files = twoImages();
        files.put("manifest.csv", utf8("path,label,source\nimages/a.png,covid,s1\nimages/b.jpg,pneumonia,s2\nbig.png,covid,s1\n"));
        files.put("big.png", new byte[300_000]);
        Path file = zip(tmp.resolve("liar.zip"), files);
        lieAboutSize(file, "big.png", 1000);
        try (SiteDataset dataset = SiteDataset.open(file, DatasetLimits.defaults())) {
            DatasetEntry big = dataset.entries().get(2);
            assertRejected(() -> dataset.read(big), Kind.ARCHIVE, "archive entry big.png",
                    "more than the 1000 bytes its header declares");
        }
    }

    @Test
    void entryAboveThePerFileLimit() throws IOException {
        Map<String, byte[]> files = twoImages();
        files.put("images/a.png", new byte[(1 << 20) + 1]);
        new java.util.SplittableRandom(1).nextBytes(files.get("images/a.png"));
        Path file = zip(tmp.resolve("large.zip"), files);
        assertRejected(() -> SiteDataset.open(file, SMALL), Kind.ARCHIVE, "large.zip entry images/a.png",
                "more than the limit of 1048576");
        Path dir = directory(tmp.resolve("large"), files);
        assertRejected(() -> SiteDataset.open(dir, SMALL), Kind.DATASET, "file images/a.png", "more than the limit");
    }

    @Test
    void readStopsAtThePerFileLimitCountingActualBytes() throws IOException {
        Map<String, byte[]> files = twoImages();
        files.put("images/a.png", new byte[5000]);
        Path dir = directory(tmp.resolve("grow"), files);
        DatasetLimits limits = new DatasetLimits(10, 6000, 1 << 20, 100);
        try (SiteDataset dataset = SiteDataset.open(dir, limits)) {
            Files.write(dir.resolve("images/a.png"), new byte[7000]);
            assertRejected(() -> dataset.read(dataset.entries().get(0)), Kind.DATASET, "file images/a.png",
                    "more than 6000 bytes");
        }
    }

    @Test
    void totalAboveTheLimit() throws IOException {
        Map<String, byte[]> files = twoImages();
        for (int i = 0; i < 5; i++) {
            byte[] noise = new byte[1 << 20];
            new java.util.SplittableRandom(i).nextBytes(noise);
            files.put("extra/" + i + ".bin", noise);
        }
        Path file = zip(tmp.resolve("total.zip"), files);
        assertRejected(() -> SiteDataset.open(file, SMALL), Kind.ARCHIVE, "total.zip", "bytes in total");
        Path dir = directory(tmp.resolve("total"), files);
        assertRejected(() -> SiteDataset.open(dir, SMALL), Kind.DATASET, "total", "bytes in total");
    }

    // ---- the manifest

    @Test
    void missingManifest() throws IOException {
        Map<String, byte[]> files = twoImages();
        files.remove("manifest.csv");
        Path file = zip(tmp.resolve("nomanifest.zip"), files);
        assertRejected(() -> SiteDataset.open(file), Kind.MANIFEST, "nomanifest.zip", "no manifest.csv");
        Path dir = directory(tmp.resolve("nomanifest"), files);
        assertRejected(() -> SiteDataset.open(dir), Kind.MANIFEST, "nomanifest", "no manifest.csv");
    }

    @Test
    void emptyManifest() throws IOException {
        assertRejected(() -> SiteDataset.open(dirWithManifest("")), Kind.MANIFEST, "manifest.csv", "is empty");
    }

    @Test
    void headerOnly() throws IOException {
        assertRejected(() -> SiteDataset.open(dirWithManifest("path,label,source\n")), Kind.MANIFEST,
                "manifest.csv", "no rows");
    }

    @Test
    void missingRequiredColumns() throws IOException {
        assertRejected(() -> SiteDataset.open(dirWithManifest("path,class,site\na.png,covid,s1\n", "a.png")),
                Kind.MANIFEST, "manifest.csv line 1", "columns label, source", "header found: path,class,site");
    }

    @Test
    void duplicateColumn() throws IOException {
        assertRejected(() -> SiteDataset.open(dirWithManifest("path,label,source,label\na.png,covid,s1,x\n", "a.png")),
                Kind.MANIFEST, "manifest.csv line 1", "'label' twice");
    }

    @Test
    void unnamedColumn() throws IOException {
        assertRejected(() -> SiteDataset.open(dirWithManifest("path,label,source,\na.png,covid,s1,x\n", "a.png")),
                Kind.MANIFEST, "manifest.csv line 1, column 4", "no name");
    }

    @Test
    void wrongNumberOfFields() throws IOException {
        assertRejected(() -> SiteDataset.open(dirWithManifest(
                "path,label,source\na.png,covid,s1\nb.png,covid,s1,extra\n", "a.png", "b.png")),
                Kind.MANIFEST, "manifest.csv line 3", "4 fields but the header has 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"path", "label", "source"})
    void emptyRequiredField(String column) throws IOException {
        String row = switch (column) {
            case "path" -> ",covid,s1";
            case "label" -> "a.png, ,s1";
            default -> "a.png,covid,";
        };
        assertRejected(() -> SiteDataset.open(dirWithManifest("path,label,source\n" + row + "\n", "a.png")),
                Kind.MANIFEST, "manifest.csv line 2, column " + column, "is empty");
    }

    @Test
    void duplicatePathForOnePatient() throws IOException {
        assertRejected(() -> SiteDataset.open(dirWithManifest(
                "path,label,source\na.png,covid,s1\nb.png,covid,s1\na.png,covid,s2\n", "a.png", "b.png")),
                Kind.MANIFEST, "manifest.csv line 4, column path", "a.png again (first on line 2)");
    }

    @Test
    void duplicatePathWithAnotherLabel() throws IOException {
        assertRejected(() -> SiteDataset.open(dirWithManifest(
                "path,label,source,patient_id\na.png,covid,s1,p1\na.png,pneumonia,s1,p2\n", "a.png")),
                Kind.MANIFEST, "manifest.csv line 3, column label", "line 2 gave it label 'covid'");
    }

    @Test
    void imagesMissing() throws IOException {
        StringBuilder manifest = new StringBuilder("path,label,source\na.png,covid,s1\n");
        for (int i = 0; i < 7; i++) {
            manifest.append("gone").append(i).append(".png,covid,s1\n");
        }
        assertRejected(() -> SiteDataset.open(dirWithManifest(manifest.toString(), "a.png")), Kind.DATASET,
                "manifest.csv line 3", "7 images missing", "gone0.png, gone1.png, gone2.png, gone3.png, gone4.png and 2 more");
    }

    @Test
    void imagesUnlisted() throws IOException {
        Path dir = dirWithManifest("path,label,source\na.png,covid,s1\n", "a.png", "x/b.JPG", "c.jpeg", "d.png", "e.png",
                "f.png", "g.png", "readme.txt");
        assertRejected(() -> SiteDataset.open(dir), Kind.DATASET, "file c.jpeg",
                "6 image files are not listed in manifest.csv: c.jpeg, d.png, e.png, f.png, g.png and 1 more");
    }

    @Test
    void moreThanTwoLabels() throws IOException {
        assertRejected(() -> SiteDataset.open(dirWithManifest(
                "path,label,source\na.png,covid,s1\nb.png,normal,s1\nc.png,pneumonia,s1\n", "a.png", "b.png", "c.png")),
                Kind.MANIFEST, "manifest.csv, column label", "3 distinct labels (covid, normal, pneumonia)");
    }

    @Test
    void unknownSplitValue() throws IOException {
        assertRejected(() -> SiteDataset.open(dirWithManifest(
                "path,label,source,split\na.png,covid,s1,train\nb.png,covid,s1,validation\n", "a.png", "b.png")),
                Kind.MANIFEST, "manifest.csv line 3, column split", "'validation'");
    }

    @Test
    void notUtf8() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] latin1 = "path,label,source\na.png,covid,s1\nb.png,covid,S\u00e3o Paulo\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        files.put("manifest.csv", latin1);
        Path dir = directory(tmp.resolve("latin"), files);
        assertRejected(() -> SiteDataset.open(dir), Kind.MANIFEST, "manifest.csv line 3", "not valid UTF-8");
    }

    @Test
    void unclosedQuote() throws IOException {
        assertRejected(() -> SiteDataset.open(dirWithManifest("path,label,source\na.png,\"covid,s1\n", "a.png")),
                Kind.MANIFEST, "manifest.csv", "not valid CSV");
    }

    @Test
    void errorsInsideAZipNameTheTopFolder() throws IOException {
        Map<String, byte[]> nested = new LinkedHashMap<>();
        nested.put("site/manifest.csv", utf8("path,label,source\na.png,covid,s1\n"));
        nested.put("site/a.png", utf8("a"));
        nested.put("site/b.png", utf8("b"));
        Path file = zip(tmp.resolve("n.zip"), nested);
        assertRejected(() -> SiteDataset.open(file), Kind.DATASET, "archive entry site/b.png", "1 image file is not listed");
        assertThat(Files.exists(tmp.resolve("site"))).isFalse();
    }

    /** Overwrites the uncompressed size of one entry in its local header and in the central directory. */
    private static void lieAboutSize(Path zip, String name, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = utf8(name);
        int patched = 0;
        for (int i = 0; i + 46 < bytes.length; i++) {
            int signature = buffer.getInt(i);
            if (signature == 0x04034b50 && matches(bytes, i + 30, wanted) && buffer.getShort(i + 26) == wanted.length) {
                buffer.putInt(i + 22, size);
                patched++;
            } else if (signature == 0x02014b50 && matches(bytes, i + 46, wanted) && buffer.getShort(i + 28) == wanted.length) {
                buffer.putInt(i + 24, size);
                patched++;
            }
        }
        assertThat(patched).isEqualTo(2);
        Files.write(zip, bytes);
    }

    private static boolean matches(byte[] bytes, int offset, byte[] wanted) {
        if (offset + wanted.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (bytes[offset + i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }
}
