package org.auditgate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Output folders of commands that write several files: new or empty, so nothing earlier is overwritten. */
final class OutputFolder {

    private OutputFolder() {
    }

    /** @throws UsageException when {@code folder} is a file or a folder with something in it */
    static void requireEmpty(Path folder, String option) {
        if (!Files.exists(folder)) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new UsageException(option + " " + folder + " is a file; give a new or empty folder");
        }
        try (var children = Files.list(folder)) {
            if (children.findAny().isPresent()) {
                throw new UsageException(option + " " + folder + " is not empty; give a new or empty folder so nothing is overwritten");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
