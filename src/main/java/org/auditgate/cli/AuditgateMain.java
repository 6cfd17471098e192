package org.auditgate.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * Entry point of the {@code auditgate} command. Only {@code serve} listens on HTTP; every other
 * command runs with the HTTP listener off, so several commands can run side by side with a server.
 */
@QuarkusMain
public class AuditgateMain implements QuarkusApplication {

    private final CommandLine.IFactory factory;

    @Inject
    public AuditgateMain(CommandLine.IFactory factory) {
        this.factory = factory;
    }

    public static void main(String... args) {
        boolean serving = args.length > 0 && "serve".equals(args[0]);
        if (!serving) {
            setIfAbsent("quarkus.http.host-enabled", "false");
            setIfAbsent("quarkus.log.level", "WARN");
        }
        Quarkus.run(AuditgateMain.class, args);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    @Override
    public int run(String... args) {
        return new CommandLine(new AuditgateCommand(), factory)
                .setExecutionExceptionHandler(new FailureHandler())
                .setParameterExceptionHandler(new UsageErrorHandler())
                .execute(args);
    }
}
