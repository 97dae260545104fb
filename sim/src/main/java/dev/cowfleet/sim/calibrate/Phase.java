package dev.cowfleet.sim.calibrate;

import java.util.Locale;

/** The moments at which a worker's private memory is compared with the model. */
public enum Phase {
    /** After the synthetic requests (and any automatic collections they triggered). */
    REQUESTS,
    /** After an explicit full {@code gc.collect()}. */
    COLLECT,
    /** After the worker exited: everything its exit copied added to what it held before. */
    SHUTDOWN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
