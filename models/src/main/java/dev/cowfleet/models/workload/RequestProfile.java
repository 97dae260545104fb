package dev.cowfleet.models.workload;

import dev.cowfleet.models.runtime.ModelInputException;

/**
 * What one request does to a worker's memory and collector (scenario {@code workload:}).
 *
 * @param cpuSeconds              CPU time of the request itself
 * @param inheritedObjectsTouched distinct inherited objects whose refcount the request writes
 * @param mutatedObjects          inherited objects the request really writes (caches, globals)
 * @param trackedAllocationsPeak  tracked objects alive at the peak of the request (count0 goes up by this)
 * @param trackedSurvivors        tracked objects per request that outlive it (net count0 growth);
 *                                split between live growth and cyclic garbage in proportion to their bytes
 * @param cyclicGarbageBytes      garbage per request that only a collection frees
 * @param liveGrowthBytes         memory per request that is never freed
 */
public record RequestProfile(double cpuSeconds, long inheritedObjectsTouched, long mutatedObjects,
                             long trackedAllocationsPeak, long trackedSurvivors, long cyclicGarbageBytes,
                             long liveGrowthBytes) {
    public RequestProfile {
        ModelInputException.requireNonNegative("workload.cpuPerRequest", cpuSeconds);
        ModelInputException.requireNonNegative("workload.inheritedObjectsTouched", inheritedObjectsTouched);
        ModelInputException.requireNonNegative("workload.mutatedObjects", mutatedObjects);
        ModelInputException.requireNonNegative("workload.trackedAllocationsPeak", trackedAllocationsPeak);
        ModelInputException.requireNonNegative("workload.trackedSurvivors", trackedSurvivors);
        ModelInputException.requireNonNegative("workload.cyclicGarbage", cyclicGarbageBytes);
        ModelInputException.requireNonNegative("workload.liveGrowth", liveGrowthBytes);
        if (trackedSurvivors > trackedAllocationsPeak) {
            throw new ModelInputException("workload.trackedSurvivors (" + trackedSurvivors
                    + ") exceeds workload.trackedAllocationsPeak (" + trackedAllocationsPeak + ")");
        }
    }

    /** Tracked objects freed by refcounting at the end of the request. */
    public long trackedFreed() {
        return trackedAllocationsPeak - trackedSurvivors;
    }

    /** The share of survivors that stay reachable (live growth) rather than become cyclic garbage. */
    public double liveSurvivorShare() {
        long bytes = liveGrowthBytes + cyclicGarbageBytes;
        return bytes == 0 ? 1.0 : (double) liveGrowthBytes / bytes;
    }

    /** Tracked survivors per request that stay reachable. */
    public double liveSurvivors() {
        return trackedSurvivors * liveSurvivorShare();
    }
}
