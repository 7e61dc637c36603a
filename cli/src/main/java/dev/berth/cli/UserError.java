package dev.berth.cli;

/** A mistake on the command line or in its input: reported as one line, exit code 1, no stack trace. */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }
}
