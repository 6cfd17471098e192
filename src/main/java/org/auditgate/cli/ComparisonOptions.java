package org.auditgate.cli;

import org.auditgate.engine.reference.ReferenceOptions;
import org.auditgate.engine.reference.ViewMode;
import picocli.CommandLine.Option;

import java.util.Locale;

/** The reference comparison's options shared by {@code reference} and {@code audit}: seeds and training views. */
final class ComparisonOptions {

    @Option(names = "--seeds", defaultValue = "31", paramLabel = "N", description = "Paired seeds per arm (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--views", defaultValue = "bank:16", paramLabel = "bank:K|exact",
            description = "Training views: bank:K draws K views per image and arm once and samples one per epoch; exact draws a fresh view "
                    + "per image and epoch and runs the backbone on each (slow on CPU) (default ${DEFAULT-VALUE}).")
    String views;

    /** The options, with the device and thread count of {@code device}. */
    ReferenceOptions options(DeviceOption device) {
        if (seeds < 1 || seeds > 1000) {
            throw new UsageException("--seeds must be between 1 and 1000, not " + seeds);
        }
        boolean exact = views.trim().toLowerCase(Locale.ROOT).equals("exact");
        int bankViews = exact ? ReferenceOptions.defaults().bankViews() : bankViews();
        return new ReferenceOptions(seeds, bankViews, ReferenceOptions.defaults().batchSize(), device.threads(), device.runtime(),
                exact ? ViewMode.EXACT : ViewMode.BANK);
    }

    private int bankViews() {
        String v = views.trim().toLowerCase(Locale.ROOT);
        if (!v.startsWith("bank:")) {
            throw new UsageException("--views must be bank:K (e.g. bank:16) or exact, not '" + views + "'");
        }
        try {
            int k = Integer.parseInt(v.substring(5));
            if (k < 1 || k > 256) {
                throw new UsageException("--views bank:K needs K between 1 and 256, not " + k);
            }
            return k;
        } catch (NumberFormatException e) {
            throw new UsageException("--views bank:K needs a whole number K, not '" + v.substring(5) + "'");
        }
    }
}
