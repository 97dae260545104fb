package dev.cowfleet.sim.cli;

/** A command-line argument or combination the user must fix; the CLI prints its message and exits 2. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
