package org.auditgate.engine;

import org.auditgate.engine.RejectedInputException.Kind;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;

/**
 * One YAML file read as SnakeYAML's node tree, so that every rejection can name the file, the
 * line (1-based) and the field: the shared part of the audit configuration's and the policies'
 * parsers. Rejections are {@link RejectedInputException}s of kind {@link Kind#CONFIG} whose
 * {@code where} reads {@code "<file> line <n>, <field>"}.
 */
public final class YamlFile {

    private final String file;

    /** @param file the file's name, as rejections show it */
    public YamlFile(String file) {
        this.file = file;
    }

    /**
     * The document's root node.
     *
     * @param maxAliases how many aliases the document may use (a bound on "billion laughs")
     * @param codePointLimit the largest document SnakeYAML reads
     * @param emptyRemedy what to tell a user whose file is empty
     * @param yamlRemedy what to tell a user whose file is not valid YAML without a line (e.g. too many aliases)
     */
    public Node compose(String yaml, int maxAliases, int codePointLimit, String emptyRemedy, String yamlRemedy) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(maxAliases);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(codePointLimit);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            throw new RejectedInputException(Kind.CONFIG, file + " line " + line,
                    "is not valid YAML (" + e.getProblem() + ")", "Fix the YAML syntax; indent with spaces", e);
        } catch (YAMLException e) {
            throw new RejectedInputException(Kind.CONFIG, file, "is not valid YAML (" + e.getMessage() + ")", yamlRemedy, e);
        }
        if (root == null) {
            throw new RejectedInputException(Kind.CONFIG, file, "is empty", emptyRemedy);
        }
        return root;
    }

    /** A non-empty text scalar, as written. */
    public String text(Node node, String field) {
        if (!(node instanceof ScalarNode scalar) || Tag.NULL.equals(node.getTag()) || scalar.getValue().isBlank()) {
            throw wrongType(node, field, "a non-empty text");
        }
        return scalar.getValue();
    }

    /** A finite number written as a YAML int or float (not as text). */
    public double number(Node node, String field) {
        if (node instanceof ScalarNode scalar && (Tag.FLOAT.equals(node.getTag()) || Tag.INT.equals(node.getTag()))) {
            try {
                double value = Double.parseDouble(scalar.getValue().replace("_", ""));
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // falls through to the rejection below
            }
        }
        throw wrongType(node, field, "a finite number");
    }

    /** A rejection saying that {@code field} should be {@code expected} and what it is instead. */
    public RejectedInputException wrongType(Node node, String field, String expected) {
        String found = node instanceof ScalarNode scalar ? (Tag.NULL.equals(node.getTag()) ? "empty" : "'" + scalar.getValue() + "'")
                : node instanceof SequenceNode ? "a list" : "a mapping";
        return reject(node, field, "should be " + expected + " but is " + found, "Correct the value of " + field);
    }

    public RejectedInputException reject(Node node, String field, String problem, String remedy) {
        return reject(line(node), field, problem, remedy);
    }

    public RejectedInputException reject(int line, String field, String problem, String remedy) {
        return new RejectedInputException(Kind.CONFIG, file + " line " + line + ", " + field, problem, remedy);
    }

    /** The node's 1-based line. */
    public static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
