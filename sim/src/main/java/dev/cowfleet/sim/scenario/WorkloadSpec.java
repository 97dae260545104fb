package dev.cowfleet.sim.scenario;

/**
 * What the traffic is and what one request does to the inherited heap.
 *
 * @param requestsPerSecond       peak requests per second for the host
 * @param cpuPerRequestSeconds    CPU time of one request's own work
 * @param inheritedObjectsTouched distinct inherited objects whose refcount a request writes
 * @param mutatedObjects          inherited objects a request really writes
 * @param trackedAllocationsPeak  tracked objects alive at the peak of a request
 * @param trackedSurvivors        tracked objects per request that outlive it
 * @param cyclicGarbageBytes      garbage per request freed only by a collection
 * @param liveGrowthBytes         memory per request never freed
 * @param explicitCollectEvery    the application calls {@code gc.collect()} every N requests; 0 = never
 */
public record WorkloadSpec(double requestsPerSecond, DiurnalSpec diurnal, double cpuPerRequestSeconds,
                           long inheritedObjectsTouched, long mutatedObjects, long trackedAllocationsPeak,
                           long trackedSurvivors, long cyclicGarbageBytes, long liveGrowthBytes,
                           long explicitCollectEvery) {
}
