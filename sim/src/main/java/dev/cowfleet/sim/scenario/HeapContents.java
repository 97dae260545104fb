package dev.cowfleet.sim.scenario;

/**
 * What the master's heap holds at fork: either measured totals ({@link MeasuredHeapSpec}) or a list of
 * object kinds ({@link HeapCompositionSpec}). Both answer the totals that validation and defaults need.
 */
public sealed interface HeapContents permits MeasuredHeapSpec, HeapCompositionSpec {

    long heapBytes();

    long trackedObjects();

    long totalObjects();
}
