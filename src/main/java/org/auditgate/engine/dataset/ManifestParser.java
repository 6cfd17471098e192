package org.auditgate.engine.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;

/**
 * Parses {@code manifest.csv}: RFC 4180, a header row, UTF-8 with or without a byte order mark,
 * nothing trimmed, blank lines skipped. Checks the header and every row; paths are normalised and
 * must stay inside the dataset.
 */
final class ManifestParser {

    static final List<String> REQUIRED = List.of("path", "label", "source");
    private static final Set<String> KNOWN = Set.of("path", "label", "source", "patient_id", "split", "view");
    private static final Set<String> SPLITS = Set.of("train", "val", "test");

    private final String file;
    private final int maxRows;

    /**
     * @param file how messages name the manifest, e.g. {@code site/manifest.csv}
     * @param maxRows most rows accepted
     */
    ManifestParser(String file, int maxRows) {
        this.file = file;
        this.maxRows = maxRows;
    }

    List<DatasetEntry> parse(byte[] bytes) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (records.size() > maxRows) {
                    throw reject(file, "has more than " + maxRows + " rows, the limit",
                            "Split the dataset or ask the operator to raise the limit");
                }
                records.add(record);
            }
            if (records.isEmpty()) {
                throw reject(file, "is empty", "Write a header row (path,label,source,...) and one row per image");
            }
            List<String> header = header(records.get(0), lineOf(records.get(0), text, lineStarts));
            if (records.size() == 1) {
                throw reject(file, "has a header but no rows", "List one image per row");
            }
            return rows(header, records.subList(1, records.size()), text, lineStarts);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw reject(file, "is not valid CSV (" + e.getMessage() + ")",
                    "Save it as RFC 4180 CSV: comma separated, fields with commas or quotes in double quotes");
        }
    }

    private String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw reject(file + " line " + line, "is not valid UTF-8 (bad byte at offset " + offset + ")",
                    "Save the manifest as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private List<String> header(CSVRecord record, int line) {
        List<String> names = record.toList();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isBlank()) {
                throw reject(file + " line " + line + ", column " + (i + 1), "has no name in the header",
                        "Name every column or remove the empty one");
            }
            if (!seen.add(name)) {
                throw reject(file + " line " + line, "names the column '" + name + "' twice",
                        "Give every column a distinct name");
            }
        }
        List<String> missing = REQUIRED.stream().filter(name -> !seen.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw reject(file + " line " + line,
                    "lacks the required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                            + " (header found: " + String.join(",", names) + ")",
                    "Start the manifest with a header that has the columns path, label and source");
        }
        return names;
    }

    private List<DatasetEntry> rows(List<String> header, List<CSVRecord> records, String text, int[] lineStarts) {
        List<DatasetEntry> entries = new ArrayList<>(records.size());
        Map<String, DatasetEntry> byPath = new HashMap<>();
        for (CSVRecord record : records) {
            int line = lineOf(record, text, lineStarts);
            String where = file + " line " + line;
            if (record.size() != header.size()) {
                throw reject(where, "has " + record.size() + " fields but the header has " + header.size(),
                        "Give every row one field per column; quote fields that contain commas");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, String> metadata = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                fields.put(name, record.get(i));
                if (!KNOWN.contains(name)) {
                    metadata.put(name, record.get(i));
                }
            }
            for (String name : REQUIRED) {
                if (fields.get(name).isBlank()) {
                    throw reject(where + ", column " + name, "is empty", "Fill in the " + name + " of every row");
                }
            }
            String split = emptyToNull(fields.get("split"));
            if (split != null && !SPLITS.contains(split)) {
                throw reject(where + ", column split", "has the unknown value '" + split + "'",
                        "Use train, val, test or leave it empty");
            }
            String path = normalise(where + ", column path", fields.get("path"));
            DatasetEntry entry = new DatasetEntry(line, path, fields.get("label"), fields.get("source"),
                    emptyToNull(fields.get("patient_id")), split, emptyToNull(fields.get("view")), metadata);
            checkDuplicate(where, entry, byPath.putIfAbsent(path, entry));
            entries.add(entry);
        }
        return entries;
    }

    /**
     * The same image may be listed for two patients with the same label (public collections do
     * this); the leakage check then reports it if it lands on both sides. Anything else is refused.
     */
    private void checkDuplicate(String where, DatasetEntry entry, DatasetEntry first) {
        if (first == null) {
            return;
        }
        if (!first.label().equals(entry.label())) {
            throw reject(where + ", column label", "lists " + entry.path() + " again with label '" + entry.label()
                    + "' but line " + first.line() + " gave it label '" + first.label() + "'",
                    "Give each image one label");
        }
        if (first.patientKey().equals(entry.patientKey())) {
            throw reject(where + ", column path", "lists " + entry.path() + " again (first on line " + first.line()
                    + ") for the same patient", "List each image once");
        }
    }

    private String normalise(String where, String path) {
        if (path.indexOf('\\') >= 0 || path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            throw reject(where, "'" + path + "' is not a relative path with '/' separators",
                    "Write paths relative to the folder of manifest.csv, e.g. images/a.png");
        }
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    throw reject(where, "'" + path + "' points outside the dataset",
                            "Keep every image inside the folder of manifest.csv");
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(segment);
            }
        }
        if (parts.isEmpty()) {
            throw reject(where, "'" + path + "' names no file", "Give the image's path");
        }
        return String.join("/", parts);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The line a record starts on; the parser's position may still point at skipped blank lines. */
    private static int lineOf(CSVRecord record, String text, int[] lineStarts) {
        int position = (int) record.getCharacterPosition();
        while (position < text.length() && (text.charAt(position) == '\r' || text.charAt(position) == '\n')) {
            position++;
        }
        int index = Arrays.binarySearch(lineStarts, position);
        return index >= 0 ? index + 1 : -index - 1;
    }

    private static RejectedInputException reject(String where, String problem, String remedy) {
        return new RejectedInputException(Kind.MANIFEST, where, problem, remedy);
    }
}
