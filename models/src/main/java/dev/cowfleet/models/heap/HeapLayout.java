package dev.cowfleet.models.heap;

import dev.cowfleet.models.runtime.ModelInputException;

/**
 * Where the interesting objects sit in the master's heap.
 *
 * @param hotObjectFraction share of inherited objects that requests touch (the set a request's
 *                          {@code inheritedObjectsTouched} are drawn from)
 * @param hotClustered      true: hot objects packed on as few pages as possible; false: scattered
 *                          at random among all objects
 * @param freeSlotFraction  share of small-object slots in inherited pymalloc pools that are free
 * @param collectorHoleShare share of those free slots that the master's own collections left
 *                          (freed cycles); {@code gc.disable()} early in the master avoids them
 */
public record HeapLayout(double hotObjectFraction, boolean hotClustered, double freeSlotFraction,
                         double collectorHoleShare) {
    /**
     * Default {@link #collectorHoleShare}: half of the holes come from collected cycles, half from
     * refcount frees during import. Inferred (no published split); the Python docs only say that
     * disabling GC early leaves fewer holes.
     */
    public static final double DEFAULT_COLLECTOR_HOLE_SHARE = 0.5;

    public HeapLayout {
        ModelInputException.requireFraction("heap.hotObjects", hotObjectFraction);
        ModelInputException.requireFraction("heap.freeSlots", freeSlotFraction);
        ModelInputException.requireFraction("heap.collectorHoleShare", collectorHoleShare);
        if (freeSlotFraction >= 1) {
            throw new ModelInputException("heap.freeSlots must be below 100%, got " + freeSlotFraction);
        }
    }

    public HeapLayout(double hotObjectFraction, boolean hotClustered, double freeSlotFraction) {
        this(hotObjectFraction, hotClustered, freeSlotFraction, DEFAULT_COLLECTOR_HOLE_SHARE);
    }
}
