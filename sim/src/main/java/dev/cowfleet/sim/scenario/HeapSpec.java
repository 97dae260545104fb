package dev.cowfleet.sim.scenario;

import dev.cowfleet.models.heap.HeapLayout;
import java.util.List;
import java.util.Map;

/**
 * The master's heap at fork: the {@code heap} section, with measured totals or a composition, layout, and
 * the inherited GC counters. Layout defaults are the model's ({@link HeapLayout}).
 *
 * @param contents       measured totals or a composition of object kinds
 * @param hotObjects     fraction of inherited objects that requests touch frequently
 * @param hotLayout      whether those objects are scattered over the heap or clustered on few pages
 * @param freeSlots      fraction of small-object slots in inherited pools that are free (allocator reuse)
 * @param frozenCyclicShare share of frozen objects' pages that a normal exit leaves clean (cycles
 *                       in the permanent generation are never freed)
 * @param gcCounters     the collector state at fork
 */
public record HeapSpec(Contents contents, double hotObjects, HotLayout hotLayout, double freeSlots,
                       double frozenCyclicShare, GcCountersSpec gcCounters) {

    /**
     * What the master's heap holds at fork: either measured totals ({@link MeasuredHeapSpec}) or a list of
     * object kinds ({@link HeapCompositionSpec}). Both answer the totals that validation and defaults need.
     */
    public sealed interface Contents permits MeasuredHeapSpec, HeapCompositionSpec {

        /** The smallest CPython object (an {@code object()} instance) is 16 bytes on 64-bit builds. */
        long SMALLEST_OBJECT_BYTES = 16;

        long heapBytes();

        long trackedObjects();

        long totalObjects();
    }

    /** How hot objects lie on the heap's pages. */
    public enum HotLayout { SCATTERED, CLUSTERED }

    private static final ValueKind<HotLayout> HOT_LAYOUT_KIND = Kinds.oneOf(List.of(
            Map.entry("scattered", HotLayout.SCATTERED),
            Map.entry("clustered", HotLayout.CLUSTERED)));

    static final Keys KEYS = new Keys();
    private static final Key.Nested MEASURED = KEYS.section("measured", MeasuredHeapSpec.KEYS, false,
            "Totals measured on a master (cowfleet calibrate); give this or composition.");
    private static final Key.Nested COMPOSITION = KEYS.section("composition", HeapCompositionSpec.KEYS, false,
            "The heap as a list of object kinds; give this or measured.");
    private static final Key.Value<Double> HOT_OBJECTS = KEYS.optional("hotObjects", Kinds.FRACTION, 0.02,
            "Share of inherited objects that requests touch often.");
    private static final Key.Value<HotLayout> HOT_LAYOUT = KEYS.optional("hotLayout", HOT_LAYOUT_KIND,
            HotLayout.SCATTERED, "Whether hot objects are spread over the heap's pages or packed together.");
    private static final Key.Value<Double> FREE_SLOTS = KEYS.optional("freeSlots", Kinds.FRACTION,
            HeapLayout.DEFAULT_FREE_SLOT_FRACTION, "Share of small-object slots in inherited pymalloc pools that "
                    + "are free, where a worker's new objects land.");
    private static final Key.Value<Double> FROZEN_CYCLIC_SHARE = KEYS.optional("frozenCyclicShare", Kinds.FRACTION,
            HeapLayout.DEFAULT_FROZEN_CYCLIC_SHARE, "default (calibration probe's synthetic app)",
            "Share of frozen objects that sit in reference cycles.");
    private static final Key.Nested GC_COUNTERS = KEYS.section("gcCounters", GcCountersSpec.KEYS, false,
            "The master's GC counters at fork, which the workers inherit.");

    /** @param host the host section, blamed when a {@code --set host.ram} makes the heap not fit */
    static HeapSpec read(Section heap, Section host, long ramBytes) {
        boolean measured = heap.has(MEASURED);
        boolean composed = heap.has(COMPOSITION);
        if (measured && composed) {
            throw heap.fail(COMPOSITION, "give either heap.measured or heap.composition, not both");
        }
        if (!measured && !composed) {
            throw heap.fail(MEASURED, "missing, expected heap.measured (totals measured on a master) "
                    + "or heap.composition (a list of object kinds)");
        }
        Section source = heap.section(measured ? MEASURED : COMPOSITION).orElseThrow();
        Contents contents = measured ? MeasuredHeapSpec.read(source) : HeapCompositionSpec.read(source);
        if (contents.heapBytes() >= ramBytes) {
            throw source.failTogether(measured ? MeasuredHeapSpec.HEAP_SIZE : HeapCompositionSpec.KINDS,
                    "a heap of " + Units.formatSize(contents.heapBytes()) + " does not fit in host.ram "
                            + Units.formatSize(ramBytes), host.key(HostSpec.RAM));
        }
        double hotObjects = heap.optional(HOT_OBJECTS);
        HotLayout layout = heap.optional(HOT_LAYOUT);
        double freeSlots = heap.optional(FREE_SLOTS);
        double frozenCyclicShare = heap.optional(FROZEN_CYCLIC_SHARE);
        GcCountersSpec counters = GcCountersSpec.read(heap.sectionOrEmpty(GC_COUNTERS), contents);
        return new HeapSpec(contents, hotObjects, layout, freeSlots, frozenCyclicShare, counters);
    }
}
