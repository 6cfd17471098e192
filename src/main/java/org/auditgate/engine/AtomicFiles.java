package org.auditgate.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file under a temporary name in the target's folder and renames it into place, so a
 * crash or an interrupted command never leaves a half-written file behind.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target}, creating its folder, replacing an existing file. */
    public static Path write(Path target, byte[] bytes) {
        Path absolute = target.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            try {
                Files.write(temp, bytes);
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
