package org.auditgate.engine.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * Reads a policy through SnakeYAML's node tree, so that every rejection carries the line and the
 * field. Unknown keys, duplicate keys, wrong types, tags other than YAML's standard ones, and
 * metric/scope/statistic combinations that the audit never computes are refused.
 */
final class PolicyParser {

    private static final Set<String> TOP = Set.of("name", "version", "description", "rules");
    private static final Set<String> RULE = Set.of("id", "metric", "scope", "statistic", "atLeast", "atMost",
            "severity", "message");
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final Set<Tag> STANDARD_TAGS = Set.of(Tag.MAP, Tag.SEQ, Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL,
            Tag.NULL, Tag.TIMESTAMP);
    private static final int MAX_ALIASES = 10;

    private final String file;
    private final YamlFile doc;

    private PolicyParser(String file) {
        this.file = file;
        this.doc = new YamlFile(file);
    }

    static Policy parse(String yaml, String file, String sha256) {
        return new PolicyParser(file).parse(yaml, sha256);
    }

    private Policy parse(String yaml, String sha256) {
        if (!file.endsWith(PolicyLoader.SUFFIX) || file.length() == PolicyLoader.SUFFIX.length()) {
            throw new RejectedInputException(Kind.CONFIG, file, "is not named <policy name>.yaml",
                    "Name the file after the policy, ending in .yaml");
        }
        Node root = root(yaml);
        Map<String, NodeTuple> top = keys(root, "", TOP);
        Node nameNode = required(top, "name", root, "").getValueNode();
        String name = identifier(nameNode, "name");
        String expected = file.substring(0, file.length() - PolicyLoader.SUFFIX.length());
        if (!name.equals(expected)) {
            throw doc.reject(nameNode, "name", "is '" + name + "' but the file is " + file,
                    "Name the policy '" + expected + "' or rename the file to " + name + PolicyLoader.SUFFIX);
        }
        int version = version(required(top, "version", root, "").getValueNode());
        String description = text(required(top, "description", root, "").getValueNode(), "description");
        Node rulesNode = required(top, "rules", root, "").getValueNode();
        if (!(rulesNode instanceof SequenceNode sequence)) {
            throw doc.wrongType(rulesNode, "rules", "a list of rules");
        }
        if (sequence.getValue().isEmpty()) {
            throw doc.reject(rulesNode, "rules", "is empty", "Give at least one rule");
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        int index = 0;
        for (Node node : sequence.getValue()) {
            index++;
            Rule rule = rule(node, "rules[" + index + "]");
            Integer first = idLines.putIfAbsent(rule.id(), rule.line());
            if (first != null) {
                throw doc.reject(rule.line(), "rules[" + index + "].id", "repeats the id '" + rule.id()
                        + "' of the rule on line " + first, "Give every rule its own id");
            }
            rules.add(rule);
        }
        return new Policy(name, version, description, rules, sha256);
    }

    private Node root(String yaml) {
        return doc.compose(yaml, MAX_ALIASES, PolicyLoader.MAX_BYTES,
                "Write name, version, description and rules (see policies/README.md)",
                "Fix the YAML syntax; write each rule out instead of repeating it with aliases");
    }

    private Rule rule(Node node, String field) {
        Map<String, NodeTuple> keys = keys(node, field, RULE);
        String id = identifier(required(keys, "id", node, field).getValueNode(), field + ".id");
        Node metricNode = required(keys, "metric", node, field).getValueNode();
        String metricText = text(metricNode, field + ".metric");
        PolicyMetric metric = PolicyMetric.fromYaml(metricText).orElseThrow(() -> doc.reject(metricNode, field + ".metric",
                "is '" + metricText + "', not a known metric", "Use one of " + Arrays.stream(PolicyMetric.values())
                        .map(PolicyMetric::yamlName).collect(Collectors.joining(", "))));
        Node scopeNode = required(keys, "scope", node, field).getValueNode();
        String scopeText = text(scopeNode, field + ".scope");
        Scope scope = Scope.parse(scopeText).orElseThrow(() -> doc.reject(scopeNode, field + ".scope",
                "is '" + scopeText + "', not a known scope", "Use vendor.id, vendor.ood, vendor.ood.<source>, vendor.gap, "
                        + "reference.clean.gap, reference.noise.gap or reference.gapReduction"));
        if (!metric.hasIntervalAndGap() && !(scope.kind() == Scope.Kind.VENDOR_ID
                || scope.kind() == Scope.Kind.VENDOR_OOD || scope.kind() == Scope.Kind.VENDOR_OOD_SOURCE)) {
            throw doc.reject(scopeNode, field + ".scope", "is " + scopeText + ", but " + metric.yamlName()
                    + " has no gap and no reference-comparison value",
                    "Use vendor.id, vendor.ood or vendor.ood.<source> for " + metric.yamlName());
        }
        Node statisticNode = required(keys, "statistic", node, field).getValueNode();
        String statisticText = text(statisticNode, field + ".statistic");
        Set<Statistic> allowed = allowedStatistics(scope.kind(), metric);
        Statistic statistic = Statistic.fromYaml(statisticText).orElse(null);
        if (statistic == null || !allowed.contains(statistic)) {
            throw doc.reject(statisticNode, field + ".statistic", "is '" + statisticText + "', which "
                    + (statistic == null ? "is not a known statistic" : "the audit does not compute for "
                            + metric.yamlName() + " in " + scope.kind().text() + (scope.source() == null ? "" : "<source>")),
                    "Use " + allowed.stream().map(Statistic::yamlName).collect(Collectors.joining(", ")));
        }
        Bound bound = bound(keys, node, field, scope, statistic);
        Node severityNode = required(keys, "severity", node, field).getValueNode();
        String severityText = text(severityNode, field + ".severity");
        Severity severity = Severity.fromYaml(severityText).orElseThrow(() -> doc.reject(severityNode,
                field + ".severity", "is '" + severityText + "'", "Use info, warn or fail"));
        String message = text(required(keys, "message", node, field).getValueNode(), field + ".message");
        return new Rule(id, metric, scope, statistic, bound, severity, message, YamlFile.line(node));
    }

    /** Which statistics the audit computes for a metric in a scope (policies/README.md, "Valid combinations"). */
    static Set<Statistic> allowedStatistics(Scope.Kind scope, PolicyMetric metric) {
        if (!metric.hasIntervalAndGap()) {
            return EnumSet.of(Statistic.VALUE);
        }
        return switch (scope) {
            case VENDOR_ID, VENDOR_OOD, VENDOR_OOD_SOURCE, VENDOR_GAP -> EnumSet.of(Statistic.VALUE, Statistic.CI_LOWER, Statistic.CI_UPPER);
            case REFERENCE_CLEAN_GAP, REFERENCE_NOISE_GAP -> EnumSet.of(Statistic.MEAN, Statistic.CI_LOWER, Statistic.CI_UPPER);
            case REFERENCE_GAP_REDUCTION -> EnumSet.of(Statistic.MEAN, Statistic.CI_LOWER, Statistic.CI_UPPER, Statistic.P_VALUE);
        };
    }

    private Bound bound(Map<String, NodeTuple> keys, Node ruleNode, String field, Scope scope, Statistic statistic) {
        NodeTuple atLeast = keys.get("atLeast");
        NodeTuple atMost = keys.get("atMost");
        if (atLeast != null && atMost != null) {
            NodeTuple second = YamlFile.line(atLeast.getKeyNode()) > YamlFile.line(atMost.getKeyNode()) ? atLeast : atMost;
            throw doc.reject(second.getKeyNode(), field + "." + ((ScalarNode) second.getKeyNode()).getValue(),
                    "is given together with " + (second == atLeast ? "atMost" : "atLeast"),
                    "Give exactly one bound per rule; write a second rule for the other side");
        }
        if (atLeast == null && atMost == null) {
            throw doc.reject(ruleNode, field, "has neither atLeast nor atMost", "Give exactly one bound, atLeast or atMost");
        }
        Bound.Kind kind = atLeast != null ? Bound.Kind.AT_LEAST : Bound.Kind.AT_MOST;
        Node valueNode = (atLeast != null ? atLeast : atMost).getValueNode();
        String boundField = field + "." + kind.yamlName();
        double limit = doc.number(valueNode, boundField);
        double low = scope.kind() == Scope.Kind.REFERENCE_GAP_REDUCTION && statistic != Statistic.P_VALUE ? -1 : 0;
        if (limit < low || limit > 1) {
            String range = "[" + (int) low + ", 1]";
            throw doc.reject(valueNode, boundField, "is " + limit + ", outside " + range + " where "
                    + statistic.yamlName() + " in " + scope.kind().text() + (scope.source() == null ? "" : "<source>")
                    + " lies", "Give a bound within " + range);
        }
        return new Bound(kind, limit);
    }

    // ---- node helpers

    /** The keys of a mapping; rejects unknown and repeated keys and non-standard tags. */
    private Map<String, NodeTuple> keys(Node node, String field, Set<String> allowed) {
        String what = field.isEmpty() ? "the document" : field;
        if (!(node instanceof MappingNode mapping)) {
            throw doc.wrongType(node, what, "a mapping of keys to values");
        }
        checkTag(node, what);
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar)) {
                throw doc.wrongType(keyNode, what + " key", "a plain key");
            }
            String key = scalar.getValue();
            String path = field.isEmpty() ? key : field + "." + key;
            if (!allowed.contains(key)) {
                throw doc.reject(keyNode, path, "is not a known key",
                        "Use only " + String.join(", ", allowed.stream().sorted().toList())
                                + (field.isEmpty() ? " at the top level" : " in a rule"));
            }
            if (keys.putIfAbsent(key, tuple) != null) {
                throw doc.reject(keyNode, path, "is given twice (first on line " + YamlFile.line(keys.get(key).getKeyNode()) + ")",
                        "Keep one of them");
            }
            checkTag(tuple.getValueNode(), path);
        }
        return keys;
    }

    private void checkTag(Node node, String field) {
        if (!STANDARD_TAGS.contains(node.getTag())) {
            throw doc.reject(node, field, "carries the tag " + node.getTag().getValue()
                    + ", which policies do not use", "Remove the tag and write the plain value");
        }
    }

    private NodeTuple required(Map<String, NodeTuple> keys, String key, Node parent, String field) {
        NodeTuple tuple = keys.get(key);
        if (tuple == null) {
            String path = field.isEmpty() ? key : field + "." + key;
            throw doc.reject(parent, path, "is missing", "Add " + key
                    + (field.isEmpty() ? " at the top level" : " to the rule") + " (see policies/README.md)");
        }
        return tuple;
    }

    private String text(Node node, String field) {
        return doc.text(node, field).strip();
    }

    private String identifier(Node node, String field) {
        String value = text(node, field);
        if (!NAME.matcher(value).matches()) {
            throw doc.reject(node, field, "is '" + value + "', which is not made of a-z, 0-9 and '-' only",
                    "Use lower-case letters, digits and hyphens, such as ood-recall-floor");
        }
        return value;
    }

    private int version(Node node) {
        if (node instanceof ScalarNode scalar && Tag.INT.equals(node.getTag())) {
            try {
                long value = Long.parseLong(scalar.getValue().replace("_", ""));
                if (value >= 1 && value <= Integer.MAX_VALUE) {
                    return (int) value;
                }
            } catch (NumberFormatException e) {
                // falls through to the rejection below
            }
        }
        throw doc.wrongType(node, "version", "a positive whole number");
    }
}
