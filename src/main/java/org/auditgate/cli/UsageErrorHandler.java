package org.auditgate.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Wrong usage: one line saying what is wrong and where to look, exit code 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {

    static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("auditgate: " + ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        return USAGE;
    }
}
