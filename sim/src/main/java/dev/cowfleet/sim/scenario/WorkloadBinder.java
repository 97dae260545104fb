package dev.cowfleet.sim.scenario;

import java.util.List;
import java.util.Map;

/** Binds the {@code workload} section: traffic and what one request does to the inherited heap. */
final class WorkloadBinder {

    static final List<String> KEYS = List.of("requestsPerSecond", "diurnal", "cpuPerRequest",
            "inheritedObjectsTouched", "mutatedObjects", "trackedAllocationsPeak", "trackedSurvivors",
            "cyclicGarbage", "liveGrowth", "explicitCollectEvery");
    static final List<String> DIURNAL_KEYS = List.of("shape", "peakToTrough", "peakHour");
    private static final ValueKind<DiurnalSpec.Shape> SHAPE = Kinds.oneOf(List.of(
            Map.entry("flat", DiurnalSpec.Shape.FLAT),
            Map.entry("sine", DiurnalSpec.Shape.SINE)));
    private static final double DAY_SECONDS = 86_400;

    private WorkloadBinder() {
    }

    static WorkloadSpec bind(Section s, HeapContents heap) {
        double rate = s.required("requestsPerSecond", Kinds.RATE);
        if (rate <= 0) {
            throw s.fail("requestsPerSecond", "expected a rate above 0/s like 700/s, got 0/s");
        }
        DiurnalSpec diurnal = diurnal(s.sectionOrEmpty("diurnal", DIURNAL_KEYS));
        double cpu = s.required("cpuPerRequest", Kinds.DURATION);
        if (cpu <= 0) {
            throw s.fail("cpuPerRequest", "expected a duration above 0s like 40ms, got 0s");
        }
        long touched = s.required("inheritedObjectsTouched", Kinds.COUNT);
        if (touched > heap.totalObjects()) {
            throw s.fail("inheritedObjectsTouched", Units.formatCount(touched) + " objects exceed the heap's "
                    + Units.formatCount(heap.totalObjects()) + " objects");
        }
        long mutated = s.optional("mutatedObjects", Kinds.COUNT, 0L, "default");
        if (mutated > touched) {
            throw s.fail("mutatedObjects", Units.formatCount(mutated) + " exceed inheritedObjectsTouched "
                    + Units.formatCount(touched) + " (writing an object touches its refcount too)");
        }
        long peak = s.required("trackedAllocationsPeak", Kinds.COUNT);
        long survivors = s.optional("trackedSurvivors", Kinds.COUNT, 0L, "default");
        if (survivors > peak) {
            throw s.fail("trackedSurvivors", Units.formatCount(survivors) + " survivors exceed "
                    + "trackedAllocationsPeak " + Units.formatCount(peak) + " (survivors are allocated first)");
        }
        long garbage = s.optional("cyclicGarbage", Kinds.SIZE, 0L, "default");
        long growth = s.optional("liveGrowth", Kinds.SIZE, 0L, "default");
        long collectEvery = s.optional("explicitCollectEvery", Kinds.COUNT, 0L, "default");
        return new WorkloadSpec(rate, diurnal, cpu, touched, mutated, peak, survivors, garbage, growth, collectEvery);
    }

    /** Binds a {@code diurnal} section (here and in {@code fleet}). */
    static DiurnalSpec diurnal(Section s) {
        DiurnalSpec.Shape shape = s.optional("shape", SHAPE, DiurnalSpec.Shape.FLAT, "default");
        if (shape == DiurnalSpec.Shape.FLAT) {
            for (String key : List.of("peakToTrough", "peakHour")) {
                if (s.has(key)) {
                    throw s.fail(key, "only meaningful with shape: sine (traffic here is flat)");
                }
            }
            return DiurnalSpec.FLAT;
        }
        double ratio = s.required("peakToTrough", Kinds.RATIO);
        double peakHour = s.required("peakHour", Kinds.DURATION);
        if (peakHour >= DAY_SECONDS) {
            throw s.fail("peakHour", "expected a time of day below 24h like 20h, got " + Units.formatDuration(peakHour));
        }
        return new DiurnalSpec(shape, ratio, peakHour);
    }
}
