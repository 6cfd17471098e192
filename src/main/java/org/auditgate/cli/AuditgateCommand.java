package org.auditgate.cli;

import picocli.CommandLine.Command;

/** The top command; it only groups the subcommands. */
@Command(
        name = "auditgate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Audits an imaging AI model on a hospital's own data before purchase.",
        subcommands = {ServeCommand.class, InspectModelCommand.class, EvaluateCommand.class,
                ScoreMetricsCommand.class, NoiseCommand.class, AugmentCommand.class, ReferenceCommand.class, AuditCommand.class,
                DemoCommand.class})
public class AuditgateCommand {
}
