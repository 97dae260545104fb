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
 * @param frozenCyclicShare share of the pages of frozen objects (and of the untracked objects they
 *                          keep alive) that sit in reference cycles: the permanent generation is
 *                          never collected, not even by the final collections, so teardown never
 *                          frees those objects and their pages stay clean at a normal exit
 */
public record HeapLayout(double hotObjectFraction, boolean hotClustered, double freeSlotFraction,
                         double collectorHoleShare, double frozenCyclicShare) {
    /**
     * Default {@link #collectorHoleShare}: half of the holes come from collected cycles, half from
     * refcount frees during import. Inferred (no published split); the Python docs only say that
     * disabling GC early leaves fewer holes.
     */
    public static final double DEFAULT_COLLECTOR_HOLE_SHARE = 0.5;

    /**
     * Default {@link #freeSlotFraction} (scenario {@code heap.freeSlots}, and calibrate, whose probe does not
     * measure it): an inferred estimate of the slots left free in pools a long-running master has churned.
     */
    public static final double DEFAULT_FREE_SLOT_FRACTION = 0.03;

    /**
     * Default {@link #frozenCyclicShare}, from the calibration probe's synthetic app (16 MiB) on
     * 3.7-3.13: a frozen worker's normal exit faulted
     * 1,000-1,600 of the ~4,900 pages still clean at exit, so about three quarters stayed clean.
     * Depends on the app (classes are always cyclic; modules outside {@code sys.modules} keep
     * their whole contents in cycles, since teardown only clears the dicts of modules it knows);
     * measure it where freeze and a normal exit matter.
     */
    public static final double DEFAULT_FROZEN_CYCLIC_SHARE = 0.75;

    public HeapLayout {
        ModelInputException.requireFraction("heap.hotObjects", hotObjectFraction);
        ModelInputException.requireFraction("heap.freeSlots", freeSlotFraction);
        ModelInputException.requireFraction("heap.collectorHoleShare", collectorHoleShare);
        ModelInputException.requireFraction("heap.frozenCyclicShare", frozenCyclicShare);
        if (freeSlotFraction >= 1) {
            throw new ModelInputException("heap.freeSlots must be below 100%, got " + freeSlotFraction);
        }
    }

    public HeapLayout(double hotObjectFraction, boolean hotClustered, double freeSlotFraction,
                      double collectorHoleShare) {
        this(hotObjectFraction, hotClustered, freeSlotFraction, collectorHoleShare, DEFAULT_FROZEN_CYCLIC_SHARE);
    }

    public HeapLayout(double hotObjectFraction, boolean hotClustered, double freeSlotFraction) {
        this(hotObjectFraction, hotClustered, freeSlotFraction, DEFAULT_COLLECTOR_HOLE_SHARE);
    }
}
