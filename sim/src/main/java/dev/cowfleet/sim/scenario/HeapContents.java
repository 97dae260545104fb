package dev.cowfleet.sim.scenario;

/**
 * What the master's heap holds at fork: either measured totals ({@link MeasuredHeapSpec}) or a list of
 * object kinds ({@link HeapCompositionSpec}). Both answer the totals that validation and defaults need.
 */
public sealed interface HeapContents permits MeasuredHeapSpec, HeapCompositionSpec {

    /** The smallest CPython object (an {@code object()} instance) is 16 bytes on 64-bit builds. */
    long SMALLEST_OBJECT_BYTES = 16;

    long heapBytes();

    long trackedObjects();

    long totalObjects();
}
