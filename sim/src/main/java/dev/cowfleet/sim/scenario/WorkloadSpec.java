package dev.cowfleet.sim.scenario;

/**
 * The {@code workload} section: what the traffic is and what one request does to the inherited heap.
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

    static final Keys KEYS = new Keys();
    private static final Key.Value<Double> REQUESTS_PER_SECOND = KEYS.required("requestsPerSecond", Kinds.RATE,
            "Requests per second one host serves (the peak, with a diurnal shape).");
    private static final Key.Nested DIURNAL = KEYS.section("diurnal", DiurnalSpec.KEYS, false,
            "How traffic varies over the day.");
    private static final Key.Value<Double> CPU_PER_REQUEST = KEYS.required("cpuPerRequest", Kinds.DURATION,
            "CPU time one request takes.");
    private static final Key.Value<Long> INHERITED_OBJECTS_TOUCHED = KEYS.required("inheritedObjectsTouched",
            Kinds.COUNT, "Inherited objects one request touches (each touch writes a refcount).");
    private static final Key.Value<Long> MUTATED_OBJECTS = KEYS.optional("mutatedObjects", Kinds.COUNT, 0L,
            "Of those, objects one request also writes to (caches, counters).");
    private static final Key.Value<Long> TRACKED_ALLOCATIONS_PEAK = KEYS.required("trackedAllocationsPeak",
            Kinds.COUNT, "GC-tracked objects one request allocates at its peak (drives generation-0 collections).");
    private static final Key.Value<Long> TRACKED_SURVIVORS = KEYS.optional("trackedSurvivors", Kinds.COUNT, 0L,
            "Of those, objects that outlive the request.");
    private static final Key.Value<Long> CYCLIC_GARBAGE = KEYS.optional("cyclicGarbage", Kinds.SIZE, 0L,
            "Memory in reference cycles one request leaves for the collector.");
    private static final Key.Value<Long> LIVE_GROWTH = KEYS.optional("liveGrowth", Kinds.SIZE, 0L,
            "Memory a worker keeps for good per request (caches, leaks).");
    private static final Key.Value<Long> EXPLICIT_COLLECT_EVERY = KEYS.optional("explicitCollectEvery", Kinds.COUNT,
            0L, "The app calls gc.collect() every this many requests; 0 is never.");

    /** @param hostSection the host section, blamed when a {@code --set} makes the host unable to carry the traffic */
    static WorkloadSpec read(Section s, HeapSpec.Contents heap, HostSpec host, Section hostSection) {
        double rate = s.required(REQUESTS_PER_SECOND);
        if (rate <= 0) {
            throw s.fail(REQUESTS_PER_SECOND, "expected a rate above 0/s like 700/s, got 0/s");
        }
        DiurnalSpec diurnal = DiurnalSpec.read(s.sectionOrEmpty(DIURNAL));
        double cpu = s.required(CPU_PER_REQUEST);
        if (cpu <= 0) {
            throw s.fail(CPU_PER_REQUEST, "expected a duration above 0s like 40ms, got 0s");
        }
        long touched = s.required(INHERITED_OBJECTS_TOUCHED);
        if (touched > heap.totalObjects()) {
            throw s.fail(INHERITED_OBJECTS_TOUCHED, Units.formatCount(touched) + " objects exceed the heap's "
                    + Units.formatCount(heap.totalObjects()) + " objects");
        }
        long mutated = s.optional(MUTATED_OBJECTS);
        if (mutated > touched) {
            throw s.fail(MUTATED_OBJECTS, Units.formatCount(mutated) + " exceed inheritedObjectsTouched "
                    + Units.formatCount(touched) + " (writing an object touches its refcount too)");
        }
        long peak = s.required(TRACKED_ALLOCATIONS_PEAK);
        long survivors = s.optional(TRACKED_SURVIVORS);
        if (survivors > peak) {
            throw s.fail(TRACKED_SURVIVORS, Units.formatCount(survivors) + " survivors exceed "
                    + "trackedAllocationsPeak " + Units.formatCount(peak) + " (survivors are allocated first)");
        }
        long garbage = s.optional(CYCLIC_GARBAGE);
        long growth = s.optional(LIVE_GROWTH);
        long collectEvery = s.optional(EXPLICIT_COLLECT_EVERY);
        WorkloadSpec workload = new WorkloadSpec(rate, diurnal, cpu, touched, mutated, peak, survivors, garbage,
                growth, collectEvery);
        workload.checkCarriedBy(host, s, hostSection);
        return workload;
    }

    /**
     * Each worker serves one request at a time on one core, so the peak traffic's CPU demand must fit in both;
     * otherwise the queue grows without bound and no memory figure means anything.
     */
    private void checkCarriedBy(HostSpec host, Section workload, Section hostSection) {
        double busy = requestsPerSecond * cpuPerRequestSeconds;
        int limit = Math.min(host.workers(), host.cores());
        if (busy > limit) {
            boolean workersBind = host.workers() <= host.cores();
            String bound = workersBind ? "host.workers " + host.workers() : "host.cores " + host.cores();
            throw workload.failTogether(REQUESTS_PER_SECOND, Units.formatRate(requestsPerSecond)
                    + " x cpuPerRequest " + Units.formatDuration(cpuPerRequestSeconds) + " keeps "
                    + Units.formatNumber(busy) + " workers busy on " + bound + ": the host cannot carry this traffic",
                    workload.key(CPU_PER_REQUEST), hostSection.key(workersBind ? HostSpec.WORKERS : HostSpec.CORES));
        }
    }
}
