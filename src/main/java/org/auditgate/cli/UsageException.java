package org.auditgate.cli;

/** A combination of options that the parser accepts but that cannot work; exits with 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
