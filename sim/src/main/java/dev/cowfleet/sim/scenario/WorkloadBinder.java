package dev.cowfleet.sim.scenario;

import java.util.List;
import java.util.Map;

/** Binds the {@code workload} section: traffic and what one request does to the inherited heap. */
final class WorkloadBinder {

    private static final ValueKind<DiurnalSpec.Shape> SHAPE_KIND = Kinds.oneOf(List.of(
            Map.entry("flat", DiurnalSpec.Shape.FLAT),
            Map.entry("sine", DiurnalSpec.Shape.SINE)));

    /** The keys of a {@code diurnal} section (here and in {@code fleet}). */
    static final Keys DIURNAL_KEYS = new Keys();
    private static final KeyDef<DiurnalSpec.Shape> SHAPE = DIURNAL_KEYS.optional("shape", SHAPE_KIND,
            DiurnalSpec.Shape.FLAT, "Traffic over the day: flat, or a sine wave between trough and peak.");
    private static final KeyDef<Double> PEAK_TO_TROUGH = DIURNAL_KEYS.derived("peakToTrough", Kinds.RATIO,
            "required with shape: sine", "Peak traffic over trough traffic (shape: sine only).");
    private static final KeyDef<Double> PEAK_HOUR = DIURNAL_KEYS.derived("peakHour", Kinds.DURATION,
            "required with shape: sine", "Time of day of the peak, like 20h (shape: sine only).");

    static final Keys KEYS = new Keys();
    private static final KeyDef<Double> REQUESTS_PER_SECOND = KEYS.required("requestsPerSecond", Kinds.RATE,
            "Requests per second one host serves (the peak, with a diurnal shape).");
    private static final SectionKey DIURNAL = KEYS.section("diurnal", DIURNAL_KEYS, false,
            "How traffic varies over the day.");
    private static final KeyDef<Double> CPU_PER_REQUEST = KEYS.required("cpuPerRequest", Kinds.DURATION,
            "CPU time one request takes.");
    private static final KeyDef<Long> INHERITED_OBJECTS_TOUCHED = KEYS.required("inheritedObjectsTouched",
            Kinds.COUNT, "Inherited objects one request touches (each touch writes a refcount).");
    private static final KeyDef<Long> MUTATED_OBJECTS = KEYS.optional("mutatedObjects", Kinds.COUNT, 0L,
            "Of those, objects one request also writes to (caches, counters).");
    private static final KeyDef<Long> TRACKED_ALLOCATIONS_PEAK = KEYS.required("trackedAllocationsPeak",
            Kinds.COUNT, "GC-tracked objects one request allocates at its peak (drives generation-0 collections).");
    private static final KeyDef<Long> TRACKED_SURVIVORS = KEYS.optional("trackedSurvivors", Kinds.COUNT, 0L,
            "Of those, objects that outlive the request.");
    private static final KeyDef<Long> CYCLIC_GARBAGE = KEYS.optional("cyclicGarbage", Kinds.SIZE, 0L,
            "Memory in reference cycles one request leaves for the collector.");
    private static final KeyDef<Long> LIVE_GROWTH = KEYS.optional("liveGrowth", Kinds.SIZE, 0L,
            "Memory a worker keeps for good per request (caches, leaks).");
    private static final KeyDef<Long> EXPLICIT_COLLECT_EVERY = KEYS.optional("explicitCollectEvery", Kinds.COUNT,
            0L, "The app calls gc.collect() every this many requests; 0 is never.");

    private static final double DAY_SECONDS = 86_400;

    private WorkloadBinder() {
    }

    static WorkloadSpec bind(Section s, HeapContents heap) {
        double rate = s.required(REQUESTS_PER_SECOND);
        if (rate <= 0) {
            throw s.fail("requestsPerSecond", "expected a rate above 0/s like 700/s, got 0/s");
        }
        DiurnalSpec diurnal = diurnal(s.sectionOrEmpty(DIURNAL));
        double cpu = s.required(CPU_PER_REQUEST);
        if (cpu <= 0) {
            throw s.fail("cpuPerRequest", "expected a duration above 0s like 40ms, got 0s");
        }
        long touched = s.required(INHERITED_OBJECTS_TOUCHED);
        if (touched > heap.totalObjects()) {
            throw s.fail("inheritedObjectsTouched", Units.formatCount(touched) + " objects exceed the heap's "
                    + Units.formatCount(heap.totalObjects()) + " objects");
        }
        long mutated = s.optional(MUTATED_OBJECTS);
        if (mutated > touched) {
            throw s.fail("mutatedObjects", Units.formatCount(mutated) + " exceed inheritedObjectsTouched "
                    + Units.formatCount(touched) + " (writing an object touches its refcount too)");
        }
        long peak = s.required(TRACKED_ALLOCATIONS_PEAK);
        long survivors = s.optional(TRACKED_SURVIVORS);
        if (survivors > peak) {
            throw s.fail("trackedSurvivors", Units.formatCount(survivors) + " survivors exceed "
                    + "trackedAllocationsPeak " + Units.formatCount(peak) + " (survivors are allocated first)");
        }
        long garbage = s.optional(CYCLIC_GARBAGE);
        long growth = s.optional(LIVE_GROWTH);
        long collectEvery = s.optional(EXPLICIT_COLLECT_EVERY);
        return new WorkloadSpec(rate, diurnal, cpu, touched, mutated, peak, survivors, garbage, growth, collectEvery);
    }

    /** Binds a {@code diurnal} section (here and in {@code fleet}). */
    static DiurnalSpec diurnal(Section s) {
        DiurnalSpec.Shape shape = s.optional(SHAPE);
        if (shape == DiurnalSpec.Shape.FLAT) {
            for (KeyDef<Double> key : List.of(PEAK_TO_TROUGH, PEAK_HOUR)) {
                if (s.has(key)) {
                    throw s.fail(key.name(), "only meaningful with shape: sine (traffic here is flat)");
                }
            }
            return DiurnalSpec.FLAT;
        }
        double ratio = s.required(PEAK_TO_TROUGH);
        double peakHour = s.required(PEAK_HOUR);
        if (peakHour >= DAY_SECONDS) {
            throw s.fail("peakHour", "expected a time of day below 24h like 20h, got " + Units.formatDuration(peakHour));
        }
        return new DiurnalSpec(shape, ratio, peakHour);
    }
}
