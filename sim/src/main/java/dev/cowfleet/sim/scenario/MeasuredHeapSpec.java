package dev.cowfleet.sim.scenario;

/**
 * A heap described by what was measured on a real master after preload ({@code heap.measured}).
 *
 * @param heapBytes           the master's heap size
 * @param trackedPageFraction fraction of the heap's 4 KiB pages holding at least one GC-tracked header
 *                            (a page count in the file is converted with heapBytes / 4 KiB)
 * @param trackedObjects      GC-tracked objects
 * @param totalObjects        all objects, tracked or not
 * @param frozenObjects       objects already in the permanent generation ({@code gc.freeze()})
 * @param mainObjects         objects owned by {@code __main__}, freed last at teardown
 * @param nonObjectBytes      the part of the heap holding no Python object (free pymalloc pools, C heap)
 */
public record MeasuredHeapSpec(long heapBytes, double trackedPageFraction, long trackedObjects, long totalObjects,
                               long frozenObjects, long mainObjects, long nonObjectBytes) implements HeapContents {
}
