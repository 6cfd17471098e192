package org.auditgate.engine.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;
import org.auditgate.engine.Sha256;

/**
 * Reads and checks policy files ({@code policies/README.md} describes the schema). Every rejection
 * is a {@link RejectedInputException} of kind {@link Kind#CONFIG} naming the file, the 1-based line
 * and the field, what is wrong and what to do.
 */
public final class PolicyLoader {

    /** The largest policy file accepted, in bytes (256 KiB). */
    public static final int MAX_BYTES = 256 * 1024;

    /** The file name ending of policy files. */
    public static final String SUFFIX = ".yaml";

    private PolicyLoader() {
    }

    /**
     * Reads and checks one policy file (UTF-8, a byte-order mark is ignored).
     *
     * @throws RejectedInputException naming the file, line and field of the first problem
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Policy load(Path file) {
        String name = String.valueOf(file.getFileName());
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(name, size);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(name, bytes.length);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedInputException(Kind.CONFIG, name, "is not valid UTF-8", "Save the file as UTF-8", e);
        }
        return PolicyParser.parse(stripBom(text), name, Sha256.hex(bytes));
    }

    /** The names of the policies shipped with auditgate (the {@code policies/} directory, packed into the jar). */
    public static final List<String> BUILT_IN = List.of("default", "screening", "workflow-burden");

    /**
     * A policy shipped with auditgate, read from the class path ({@code /policies/<name>.yaml}).
     *
     * @throws RejectedInputException when no shipped policy has this name
     */
    public static Policy builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new RejectedInputException(Kind.CONFIG, "policy " + name, "is neither a file nor a shipped policy",
                    "Give a policy file or one of " + String.join(", ", BUILT_IN));
        }
        try (var in = PolicyLoader.class.getResourceAsStream("/policies/" + name + SUFFIX)) {
            if (in == null) {
                throw new IllegalStateException("the shipped policy " + name + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + SUFFIX);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped policy " + name, e);
        }
    }

    /**
     * Checks a policy given as text.
     *
     * @param yaml the file's content
     * @param fileName the file's name, such as {@code screening.yaml}; the policy's name must equal it
     *     without {@code .yaml}
     * @throws RejectedInputException naming the file, line and field of the first problem
     */
    public static Policy parse(String yaml, String fileName) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(fileName, "fileName");
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(fileName, bytes.length);
        }
        return PolicyParser.parse(stripBom(yaml), fileName, Sha256.hex(bytes));
    }

    /**
     * Reads every {@code *.yaml} file of a directory (not its subdirectories), sorted by policy name.
     *
     * @throws RejectedInputException for the first malformed file, or when two files declare the same
     *     name (a safeguard: each name must already equal its file's name)
     * @throws UncheckedIOException when the directory cannot be listed or a file read
     */
    public static List<Policy> loadDirectory(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : stream) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        Map<String, String> fileByName = new HashMap<>();
        List<Policy> policies = new ArrayList<>();
        for (Path file : files) {
            Policy policy = load(file);
            String fileName = file.getFileName().toString();
            String earlier = fileByName.putIfAbsent(policy.name(), fileName);
            if (earlier != null) {
                throw new RejectedInputException(Kind.CONFIG, fileName + ", name",
                        "declares the policy name '" + policy.name() + "', which " + earlier + " declares too",
                        "Give every policy its own name and file");
            }
            policies.add(policy);
        }
        policies.sort((a, b) -> a.name().compareTo(b.name()));
        return List.copyOf(policies);
    }

    private static RejectedInputException tooLarge(String name, long size) {
        return new RejectedInputException(Kind.CONFIG, name, "has " + size + " bytes, more than the "
                + MAX_BYTES + " a policy file may have", "Keep a policy to its rules and comments; split it if it must grow");
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
