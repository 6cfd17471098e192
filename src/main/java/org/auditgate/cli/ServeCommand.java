package org.auditgate.cli;

import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Runs the HTTP API (health at /q/health, OpenAPI at /q/openapi) until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP server (API, health at /q/health, OpenAPI at /q/openapi) until stopped.")
public class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Quarkus.waitForExit();
        return 0;
    }
}
