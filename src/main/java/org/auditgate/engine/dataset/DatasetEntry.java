package org.auditgate.engine.dataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a site dataset's {@code manifest.csv}: an image and what the hospital says about it.
 *
 * @param line the line of {@code manifest.csv} on which the row starts, as an editor shows it (the
 *     header is line 1)
 * @param path the image's path relative to the folder that holds {@code manifest.csv}, with {@code /}
 *     separators and {@code .} segments removed
 * @param label the class of the image, e.g. {@code covid}
 * @param source where the image comes from (site, scanner, publication): the unit of distribution
 *     shift
 * @param patientId the patient's id, or null when the manifest has none for this row
 * @param split the manifest's own split ({@code train}, {@code val} or {@code test}), or null
 * @param view the view (e.g. {@code PA}), or null
 * @param metadata every other column of the manifest, in header order (unmodifiable)
 */
public record DatasetEntry(
        int line,
        String path,
        String label,
        String source,
        String patientId,
        String split,
        String view,
        Map<String, String> metadata) {

    /** Checks the required fields and freezes the metadata, keeping its order. */
    public DatasetEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata")));
    }

    /**
     * The key by which images are grouped into patients: the patient id, or {@code "image:" + path}
     * when the row has none (such an image is a patient of its own).
     */
    public String patientKey() {
        return patientId != null ? patientId : "image:" + path;
    }
}
