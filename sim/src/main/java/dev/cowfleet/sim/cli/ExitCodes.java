package dev.cowfleet.sim.cli;

/** The exit statuses scripts can rely on. */
final class ExitCodes {
    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
