package org.auditgate.engine.metrics;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads a score file for {@code score-metrics}: CSV with a header, required columns
 * {@code label,score}, optional {@code source} and {@code split} ({@code id}, {@code ood} or
 * empty). Scores are finite decimal numbers; at most two distinct labels.
 */
public final class ScoreFile {

    private ScoreFile() {
    }

    /** The cases of a score file and the labels found in it. */
    public record Contents(List<ScoredCase> cases, SortedSet<String> labels) {
    }

    public static Contents read(Path file) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new RejectedInputException(Kind.SCORES, name, "no such file", "Check the path given to --scores");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static Contents read(Reader reader, String name) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String required : List.of("label", "score")) {
                if (!header.containsKey(required)) {
                    throw new RejectedInputException(Kind.SCORES, name + " header",
                            "missing required column '" + required + "' (found: " + String.join(",", header.keySet()) + ")",
                            "The file needs the columns label,score and may add source,split");
                }
            }
            boolean hasSource = header.containsKey("source");
            boolean hasSplit = header.containsKey("split");
            List<ScoredCase> cases = new ArrayList<>();
            SortedSet<String> labels = new TreeSet<>();
            for (CSVRecord record : parser) {
                String where = name + " line " + (parser.getCurrentLineNumber());
                if (!record.isConsistent()) {
                    throw new RejectedInputException(Kind.SCORES, where,
                            "has " + record.size() + " fields but the header has " + header.size(), "Fix the row's commas or quoting");
                }
                String label = record.get("label").trim();
                if (label.isEmpty()) {
                    throw new RejectedInputException(Kind.SCORES, where + ", column label", "is empty", "Give every row its true label");
                }
                double score = parseScore(record.get("score").trim(), where);
                String source = hasSource && !record.get("source").isBlank() ? record.get("source").trim() : null;
                Cohort cohort = hasSplit ? parseCohort(record.get("split").trim(), where) : Cohort.UNKNOWN;
                labels.add(label);
                if (labels.size() > 2) {
                    throw new RejectedInputException(Kind.SCORES, where + ", column label",
                            "a third label '" + label + "' (labels so far: " + String.join(", ", labels) + ")",
                            "auditgate measures binary models: keep two labels");
                }
                cases.add(new ScoredCase(label, score, source, cohort));
            }
            if (cases.isEmpty()) {
                throw new RejectedInputException(Kind.SCORES, name, "has no rows", "Add one row per scored image");
            }
            return new Contents(List.copyOf(cases), labels);
        }
    }

    private static double parseScore(String text, String where) {
        double score;
        try {
            score = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new RejectedInputException(Kind.SCORES, where + ", column score",
                    "'" + text + "' is not a number", "Write scores as decimal numbers such as 0.73");
        }
        if (!Double.isFinite(score)) {
            throw new RejectedInputException(Kind.SCORES, where + ", column score",
                    "'" + text + "' is not a finite number", "Write scores as finite decimal numbers");
        }
        return score;
    }

    private static Cohort parseCohort(String text, String where) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "id" -> Cohort.ID;
            case "ood" -> Cohort.OOD;
            case "" -> Cohort.UNKNOWN;
            default -> throw new RejectedInputException(Kind.SCORES, where + ", column split",
                    "'" + text + "' is not id or ood", "Use id for in-distribution test rows, ood for out-of-distribution rows, or leave it empty");
        };
    }
}
