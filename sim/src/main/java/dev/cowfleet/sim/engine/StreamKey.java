package dev.cowfleet.sim.engine;

/**
 * Names one random stream: the scenario seed, the replication, the host and worker it drives
 * (or {@link #NONE}) and its purpose (the host simulation's are {@code "arrivals"}, {@code "pages"},
 * {@code "lifecycle"} and {@code "timing"}). The key is
 * all that determines the stream's numbers: not creation order, not the thread.
 *
 * <p>Policies compared in one run deliberately share keys, so each policy sees the same traffic
 * (common random numbers) and their difference has low variance.
 */
public record StreamKey(long seed, int replication, int host, int worker, String purpose) {
    /** Marks a host or worker field that does not apply (a fleet-level or master stream). */
    public static final int NONE = -1;

    public StreamKey {
        if (replication < 0) {
            throw new IllegalArgumentException(
                    "stream replication " + replication + " is invalid: expected an index >= 0");
        }
        if (host < NONE || worker < NONE) {
            throw new IllegalArgumentException("stream host/worker " + host + "/" + worker
                    + " is invalid: expected an index >= 0, or -1 (NONE)");
        }
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException(
                    "stream purpose '" + purpose + "' is invalid: expected a non-blank name such as 'arrivals'");
        }
    }
}
