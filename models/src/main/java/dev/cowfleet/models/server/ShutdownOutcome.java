package dev.cowfleet.models.server;

/**
 * What a worker's exit cost.
 *
 * @param pagesCopied     inherited pages copied during finalization
 * @param cpuSeconds      CPU spent in finalization (faults, final collections, teardown frees)
 * @param durationSeconds wall time from the exit request until the process is gone (finalization
 *                        is single-threaded CPU work, so it equals the CPU time)
 */
public record ShutdownOutcome(long pagesCopied, double cpuSeconds, double durationSeconds) {
    /** An exit that skips finalization (os._exit, SIGKILL). */
    public static final ShutdownOutcome IMMEDIATE = new ShutdownOutcome(0, 0, 0);
}
