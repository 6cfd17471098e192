package org.auditgate.engine.split;

import org.auditgate.engine.onnx.ScoreKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.YamlFile;
import org.auditgate.engine.RejectedInputException.Kind;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code audit.yaml} through SnakeYAML's node tree, so that every rejection carries the line
 * and the field. Unknown keys, duplicate keys and wrong types are refused.
 */
final class AuditConfigParser {

    private static final Set<String> TOP = Set.of("task", "sources", "split", "threshold", "model");
    private static final Set<String> TASK = Set.of("positive", "negative");
    private static final Set<String> CLASS = Set.of("id", "ood");
    private static final Set<String> SPLIT = Set.of("method", "train", "val", "test", "seed");
    private static final Set<String> MODEL = Set.of("featureTensor", "output", "scoreKind", "positiveIndex", "input");
    private static final Set<String> INPUT = Set.of("size", "mean", "std");
    private static final int MAX_INPUT_SIZE = 4096;

    private final String file;
    private final YamlFile doc;

    private AuditConfigParser(String file) {
        this.file = file;
        this.doc = new YamlFile(file);
    }

    static AuditConfig parse(String yaml, String file, String sha256) {
        return new AuditConfigParser(file).parse(yaml, sha256);
    }

    private AuditConfig parse(String yaml, String sha256) {
        Map<String, NodeTuple> top = keys(root(yaml), "", TOP);
        Map<String, NodeTuple> task = keys(required(top, "task", null), "task", TASK);
        String positive = string(required(task, "positive", "task").getValueNode(), "task.positive");
        String negative = string(required(task, "negative", "task").getValueNode(), "task.negative");
        if (positive.equals(negative)) {
            throw doc.reject(task.get("negative").getValueNode(), "task.negative",
                    "names the same class as task.positive ('" + positive + "')", "Name two different classes");
        }
        AuditConfig.Sources sources = sources(required(top, "sources", null), List.of(positive, negative));
        Map<String, NodeTuple> split = top.containsKey("split") ? keys(top.get("split"), "split", SPLIT) : Map.of();
        SplitMethod method = split.containsKey("method") ? method(split.get("method").getValueNode()) : SplitMethod.PATIENT;
        SplitFractions fractions = fractions(split);
        long seed = split.containsKey("seed") ? integer(split.get("seed").getValueNode(), "split.seed") : AuditConfig.DEFAULT_SEED;
        double threshold = AuditConfig.DEFAULT_THRESHOLD;
        if (top.containsKey("threshold")) {
            Node node = top.get("threshold").getValueNode();
            threshold = doc.number(node, "threshold");
            if (threshold < 0 || threshold > 1) {
                throw doc.reject(node, "threshold", "is " + threshold + ", outside [0, 1]",
                        "Give the score above which a case is called positive, between 0 and 1");
            }
        }
        ModelSettings model = top.containsKey("model") ? model(top.get("model")) : ModelSettings.NONE;
        int methodLine = split.containsKey("method") ? YamlFile.line(split.get("method").getValueNode()) : 0;
        return new AuditConfig(file, sha256, positive, negative, sources, method, methodLine, fractions, seed,
                threshold, model);
    }

    private Node root(String yaml) {
        return doc.compose(yaml, 20, 1 << 20, "Write at least task, sources and, if you like, split and threshold",
                "Fix the YAML syntax");
    }

    private AuditConfig.Sources sources(NodeTuple tuple, List<String> labels) {
        Map<String, NodeTuple> classes = keys(tuple, "sources", null);
        Map<String, ClassSources> byLabel = new HashMap<>();
        Map<String, Map<String, Integer>> lines = new HashMap<>();
        for (Map.Entry<String, NodeTuple> entry : classes.entrySet()) {
            String label = entry.getKey();
            String field = "sources." + label;
            if (!labels.contains(label)) {
                throw doc.reject(entry.getValue().getKeyNode(), field, "'" + label + "' is not a task label (task names "
                        + String.join(" and ", labels) + ")", "List sources only for task.positive and task.negative");
            }
            Map<String, NodeTuple> lists = keys(entry.getValue(), field, CLASS);
            Map<String, Integer> sourceLines = new LinkedHashMap<>();
            List<String> id = lists.containsKey("id") ? strings(lists.get("id").getValueNode(), field + ".id", sourceLines) : List.of();
            if (id.isEmpty()) {
                throw doc.reject(entry.getValue().getKeyNode(), field + ".id", "lists no in-distribution source, so "
                        + label + " would have no ID data", "Name at least one source under " + field + ".id");
            }
            if (id.contains(ClassSources.EVERY_OTHER)) {
                throw doc.reject(lists.get("id").getValueNode(), field + ".id", "uses '*', which only ood allows",
                        "Name the in-distribution sources one by one");
            }
            List<String> ood = List.of();
            if (lists.containsKey("ood")) {
                Node node = lists.get("ood").getValueNode();
                if (node instanceof ScalarNode scalar && ClassSources.EVERY_OTHER.equals(scalar.getValue())) {
                    ood = List.of(ClassSources.EVERY_OTHER);
                } else {
                    Map<String, Integer> oodLines = new LinkedHashMap<>();
                    ood = strings(node, field + ".ood", oodLines);
                    for (String source : ood) {
                        if (id.contains(source)) {
                            throw doc.reject(oodLines.get(source).intValue(), field + ".ood", "lists '" + source
                                    + "', which " + field + ".id lists too",
                                    "List each source of a class either as id or as ood");
                        }
                    }
                    oodLines.forEach(sourceLines::putIfAbsent);
                }
            }
            byLabel.put(label, new ClassSources(id, ood));
            lines.put(label, sourceLines);
        }
        for (String label : labels) {
            if (!byLabel.containsKey(label)) {
                throw doc.reject(tuple.getKeyNode(), "sources", "has no entry for the task label '" + label
                        + "', so it would have no ID data", "Add sources." + label + ".id with at least one source");
            }
        }
        return new AuditConfig.Sources(byLabel, lines);
    }

    private SplitMethod method(Node node) {
        String value = string(node, "split.method");
        return switch (value) {
            case "patient" -> SplitMethod.PATIENT;
            case "manifest" -> SplitMethod.MANIFEST;
            default -> throw doc.reject(node, "split.method", "is '" + value + "'",
                    "Use patient (split by patient) or manifest (use the manifest's split column)");
        };
    }

    private SplitFractions fractions(Map<String, NodeTuple> split) {
        double[] values = {SplitFractions.DEFAULT.train(), SplitFractions.DEFAULT.val(), SplitFractions.DEFAULT.test()};
        String[] names = {"train", "val", "test"};
        Node last = null;
        for (int i = 0; i < names.length; i++) {
            if (split.containsKey(names[i])) {
                last = split.get(names[i]).getValueNode();
                values[i] = doc.number(last, "split." + names[i]);
            }
        }
        try {
            return new SplitFractions(values[0], values[1], values[2]);
        } catch (IllegalArgumentException e) {
            String where = last == null ? file : file + " line " + YamlFile.line(last);
            throw new RejectedInputException(Kind.CONFIG, where + ", split", e.getMessage()
                    + " (defaults fill in what is not given: 0.77, 0.085, 0.145)",
                    "Give train, val and test as positive fractions that add up to 1");
        }
    }

    private ModelSettings model(NodeTuple tuple) {
        Map<String, NodeTuple> model = keys(tuple, "model", MODEL);
        Optional<String> feature = optional(model, "featureTensor").map(n -> string(n, "model.featureTensor"));
        Optional<String> output = optional(model, "output").map(n -> string(n, "model.output"));
        Optional<ScoreKind> kind = optional(model, "scoreKind").map(this::scoreKind);
        OptionalInt positiveIndex = OptionalInt.empty();
        if (model.containsKey("positiveIndex")) {
            Node node = model.get("positiveIndex").getValueNode();
            long value = integer(node, "model.positiveIndex");
            if (value != 0 && value != 1) {
                throw doc.reject(node, "model.positiveIndex", "is " + value + ", not a column of a two-column output",
                        "Use 0 or 1");
            }
            positiveIndex = OptionalInt.of((int) value);
        }
        OptionalInt size = OptionalInt.empty();
        Optional<List<Double>> mean = Optional.empty();
        Optional<List<Double>> std = Optional.empty();
        if (model.containsKey("input")) {
            Map<String, NodeTuple> input = keys(model.get("input"), "model.input", INPUT);
            if (input.containsKey("size")) {
                Node node = input.get("size").getValueNode();
                long value = integer(node, "model.input.size");
                if (value < 1 || value > MAX_INPUT_SIZE) {
                    throw doc.reject(node, "model.input.size", "is " + value, "Give a side between 1 and " + MAX_INPUT_SIZE);
                }
                size = OptionalInt.of((int) value);
            }
            mean = optional(input, "mean").map(n -> channels(n, "model.input.mean", false));
            std = optional(input, "std").map(n -> channels(n, "model.input.std", true));
        }
        return new ModelSettings(feature, output, kind, positiveIndex, size, mean, std);
    }

    private ScoreKind scoreKind(Node node) {
        String value = string(node, "model.scoreKind");
        try {
            return ScoreKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw doc.reject(node, "model.scoreKind", "is '" + value + "'", "Use auto, probability or logit");
        }
    }

    private List<Double> channels(Node node, String field, boolean positive) {
        if (!(node instanceof SequenceNode sequence)) {
            throw doc.wrongType(node, field, "a list of numbers");
        }
        List<Double> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            double value = doc.number(item, field);
            if (positive && !(value > 0)) {
                throw doc.reject(item, field, "holds " + value + ", which is not positive", "Give positive values");
            }
            values.add(value);
        }
        if (values.size() != 1 && values.size() != 3) {
            throw doc.reject(node, field, "has " + values.size() + " values", "Give one value, or three (one per channel)");
        }
        return values;
    }

    // ---- node helpers

    /** The keys of a mapping; null {@code allowed} means any key. Rejects unknown and repeated keys. */
    private Map<String, NodeTuple> keys(Node node, String field, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw doc.wrongType(node, field.isEmpty() ? "the document" : field, "a mapping of keys to values");
        }
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = string(tuple.getKeyNode(), field.isEmpty() ? "key" : field + " key");
            String path = field.isEmpty() ? key : field + "." + key;
            if (allowed != null && !allowed.contains(key)) {
                throw doc.reject(tuple.getKeyNode(), path, "is not a known key",
                        "Use one of " + String.join(", ", allowed.stream().sorted().toList())
                                + (field.isEmpty() ? "" : " under " + field));
            }
            if (keys.putIfAbsent(key, tuple) != null) {
                throw doc.reject(tuple.getKeyNode(), path, "is given twice (first on line " + YamlFile.line(keys.get(key).getKeyNode())
                        + ")", "Keep one of them");
            }
        }
        return keys;
    }

    private Map<String, NodeTuple> keys(NodeTuple tuple, String field, Set<String> allowed) {
        return keys(tuple.getValueNode(), field, allowed);
    }

    private NodeTuple required(Map<String, NodeTuple> keys, String key, String parent) {
        NodeTuple tuple = keys.get(key);
        if (tuple == null) {
            String path = parent == null ? key : parent + "." + key;
            throw new RejectedInputException(Kind.CONFIG, file + ", " + path, "is missing",
                    "Add " + path + (parent == null ? " at the top level" : ""));
        }
        return tuple;
    }

    private static Optional<Node> optional(Map<String, NodeTuple> keys, String key) {
        return Optional.ofNullable(keys.get(key)).map(NodeTuple::getValueNode);
    }

    private String string(Node node, String field) {
        return doc.text(node, field);
    }

    private List<String> strings(Node node, String field, Map<String, Integer> lines) {
        if (!(node instanceof SequenceNode sequence)) {
            throw doc.wrongType(node, field, "a list such as [a.org, b.org]");
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String value = string(item, field);
            if (values.contains(value)) {
                throw doc.reject(item, field, "lists '" + value + "' twice", "List each source once");
            }
            values.add(value);
            lines.put(value, YamlFile.line(item));
        }
        return values;
    }

    private long integer(Node node, String field) {
        if (node instanceof ScalarNode scalar && Tag.INT.equals(node.getTag())) {
            try {
                return Long.parseLong(scalar.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                // falls through to the rejection below
            }
        }
        throw doc.wrongType(node, field, "a whole number");
    }
}
