package org.auditgate.engine.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.auditgate.engine.RejectedInputException;

/** Builds tiny datasets on disk for the reader's tests. */
public final class DatasetFixtures {

    private DatasetFixtures() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A manifest with two images of two labels plus the image files. */
    static Map<String, byte[]> twoImages() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.csv", utf8("path,label,source,patient_id\nimages/a.png,covid,s1,p1\nimages/b.jpg,pneumonia,s2,p2\n"));
        files.put("images/a.png", utf8("png-a"));
        files.put("images/b.jpg", utf8("jpg-b"));
        return files;
    }

    /** Writes files (relative path to bytes) under a directory. */
    static Path directory(Path dir, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        return dir;
    }

    /** Writes a deflated zip of the files, in the map's order. */
    static Path zip(Path file, Map<String, byte[]> files) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                out.putArchiveEntry(new ZipArchiveEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    /** Writes a zip whose entries are marked as made on Unix, so names keep their backslashes. */
    static Path zipMadeOnUnix(Path file, Map<String, byte[]> files) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.getKey());
                zipEntry.setUnixMode(0100644);
                out.putArchiveEntry(zipEntry);
                out.write(entry.getValue());
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    /** Writes a zip with one symbolic link entry (unix mode 0120777) besides the files. */
    static Path zipWithLink(Path file, Map<String, byte[]> files, String link, String target) throws IOException {
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                out.putArchiveEntry(new ZipArchiveEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeArchiveEntry();
            }
            ZipArchiveEntry entry = new ZipArchiveEntry(link);
            entry.setUnixMode(0120777);
            out.putArchiveEntry(entry);
            out.write(utf8(target));
            out.closeArchiveEntry();
        }
        return file;
    }


    /** Asserts that the call is rejected with the kind and that the message holds every fragment. */
    public static RejectedInputException assertRejected(ThrowingCallable call, RejectedInputException.Kind kind,
            String... fragments) {
        RejectedInputException e = catchThrowableOfType(RejectedInputException.class, call);
        assertThat(e).as("expected a rejection").isNotNull();
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
        assertThat(e.getMessage()).contains(fragments);
        assertThat(e.remedy()).isNotBlank();
        return e;
    }
}
