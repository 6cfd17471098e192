package org.auditgate.cli;

import org.auditgate.engine.evaluation.Progress;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows progress on the error stream: one line per stage, redrawn in place on a terminal and
 * printed at most every few seconds (and when a stage ends) when the output is a file or a pipe.
 */
final class ProgressLine implements Progress {

    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private String stage;
    private long stageStarted;
    private long lastPrinted;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void update(String stage, long done, long total) {
        long now = System.nanoTime();
        if (!stage.equals(this.stage)) {
            this.stage = stage;
            stageStarted = now;
            lastPrinted = 0;
        }
        boolean finished = done >= total;
        long interval = terminal ? 200_000_000L : 5_000_000_000L;
        if (!finished && now - lastPrinted < interval) {
            return;
        }
        lastPrinted = now;
        double seconds = (now - stageStarted) / 1e9;
        String eta = done > 0 && !finished && seconds >= 2 ? String.format(Locale.ROOT, ", about %.0f s left", seconds * (total - done) / done) : "";
        String line = String.format(Locale.ROOT, "%s: %d/%d (%.0f%%)%s", stage, done, total, total == 0 ? 100.0 : 100.0 * done / total, eta);
        if (terminal) {
            err.print("\r" + line + " ".repeat(8) + (finished ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }
}
