package dev.cowfleet.sim.result;

import dev.cowfleet.models.memory.CopySource;
import java.util.Map;

/**
 * What one worker of a policy looks like, averaged over worker lifetimes and replications.
 *
 * @param sharedAfterForkMiB  inherited memory still shared a short settling time after fork
 * @param privateMiB          time-average private (USS) memory over worker lifetimes
 * @param copiedMiBBySource   inherited MiB copied per worker lifetime by each source; SHUTDOWN is per exiting worker
 * @param fullCollectionsPerLifetime mean number of full (oldest-generation) collections a worker runs
 * @param requestsPerLifetime mean requests a worker serves before it exits
 * @param longestLifetimeSeconds the longest a worker lived in any replication (alive at the end counts)
 */
public record WorkerFigures(double sharedAfterForkMiB,
                            MemoryFigures privateMiB,
                            Map<CopySource, Double> copiedMiBBySource,
                            double fullCollectionsPerLifetime,
                            double requestsPerLifetime,
                            double longestLifetimeSeconds) {
}
