package dev.cowfleet.sim.scenario;

/** One kind of object in a {@code heap.composition}: how many, how big, and whether the GC tracks it. */
public record ObjectKindSpec(String name, long count, long sizeBytes, boolean tracked) {
}
