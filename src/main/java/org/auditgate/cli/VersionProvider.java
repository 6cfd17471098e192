package org.auditgate.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar manifest, or "development" when run from classes. */
public class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = AuditgateMain.class.getPackage().getImplementationVersion();
        return new String[] {"auditgate " + (version == null ? "development" : version)};
    }
}
