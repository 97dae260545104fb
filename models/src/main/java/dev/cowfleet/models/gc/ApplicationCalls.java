package dev.cowfleet.models.gc;

import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.models.runtime.GcPolicy;

/**
 * What the application itself does to a worker's collector, whatever the algorithm: an explicit
 * {@code gc.collect()} at the end of every {@code explicitEvery}-th request, and a library's
 * {@code gc.enable()} at the end of request {@code enableAt} (under {@code gc.disable()} only:
 * {@code set_threshold(0)} keeps collection off).
 *
 * @param explicitEvery requests between explicit collections; 0 = never
 * @param enableAt      the request whose end re-enables automatic collection; {@link Long#MAX_VALUE} = never
 */
record ApplicationCalls(long explicitEvery, long enableAt) {
    private static final long NEVER = Long.MAX_VALUE;

    static ApplicationCalls of(GcPolicy policy) {
        boolean libraryCanEnable = policy.mode() == GcMode.DISABLED && policy.libraryEnablesGcAfterRequests() > 0;
        return new ApplicationCalls(policy.explicitCollectEveryRequests(),
                libraryCanEnable ? policy.libraryEnablesGcAfterRequests() : NEVER);
    }

    /** Requests from {@code served} to the end of the one holding the next explicit collection, or NEVER. */
    long untilExplicit(long served) {
        return explicitEvery > 0 ? explicitEvery - served % explicitEvery : NEVER;
    }

    /** Requests from {@code served} to the library's {@code gc.enable()} while collection is off, or NEVER. */
    long untilEnable(long served, boolean automatic) {
        return !automatic && enableAt != NEVER && enableAt > served ? enableAt - served : NEVER;
    }

    boolean explicitAfter(long served) {
        return explicitEvery > 0 && served % explicitEvery == 0;
    }

    boolean enableAfter(long served, boolean automatic) {
        return !automatic && enableAt != NEVER && served == enableAt;
    }
}
