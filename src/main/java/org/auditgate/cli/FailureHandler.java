package org.auditgate.cli;

import org.auditgate.engine.RejectedInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A command that fails prints one line saying what failed and what to do, and exits with 1.
 * Rejected input is the user's to fix; anything else is reported with its message only.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof UsageException usage) {
            cmd.getErr().println("auditgate: " + usage.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return UsageErrorHandler.USAGE;
        }
        cmd.getErr().println("auditgate: " + describe(ex));
        if (Boolean.getBoolean("auditgate.debug")) {
            ex.printStackTrace(cmd.getErr());
        }
        return FAILURE;
    }

    private static String describe(Exception ex) {
        if (ex instanceof RejectedInputException rejected) {
            return "rejected " + rejected.kind().slug() + ": " + rejected.getMessage();
        }
        if (ex instanceof UncheckedIOException io) {
            return "I/O error: " + io.getCause().getMessage();
        }
        if (ex instanceof IOException io) {
            return "I/O error: " + io.getMessage();
        }
        String message = ex.getMessage();
        return message == null ? "failed (" + ex.getClass().getSimpleName() + "); rerun with -Dauditgate.debug=true for details" : message;
    }
}
