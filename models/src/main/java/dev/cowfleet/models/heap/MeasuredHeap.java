package dev.cowfleet.models.heap;

import dev.cowfleet.models.runtime.ModelInputException;

/**
 * The master's heap at fork as a user measures it on their own app (README: how to measure each).
 *
 * @param heapBytes     the master's anonymous heap that workers inherit (RSS of the heap mappings)
 * @param trackedPages  4 KiB pages holding at least one GC-tracked object header
 * @param trackedObjects {@code len(gc.get_objects())} (plus frozen ones)
 * @param totalObjects  all live objects (tracked and untracked)
 * @param frozenObjects {@code gc.get_freeze_count()} at fork (already frozen by the app)
 * @param mainObjects   objects owned by {@code __main__}; freed last at teardown, which frees them
 *                      like every other object, so they only matter for reporting
 * @param nonObjectBytes the part of {@code heapBytes} that holds no Python object: empty pymalloc
 *                      pools and arena slack, the C library's heap, extension modules' buffers. No
 *                      collection visits it and teardown frees no object on it, so only what writes
 *                      it copies it
 */
public record MeasuredHeap(long heapBytes, long trackedPages, long trackedObjects, long totalObjects,
                           long frozenObjects, long mainObjects, long nonObjectBytes) {

    public MeasuredHeap(long heapBytes, long trackedPages, long trackedObjects, long totalObjects,
                        long frozenObjects, long mainObjects) {
        this(heapBytes, trackedPages, trackedObjects, totalObjects, frozenObjects, mainObjects, 0);
    }

    public MeasuredHeap {
        if (heapBytes <= 0) {
            throw new ModelInputException("heap.measured.heapSize must be > 0 (e.g. 250MiB), got " + heapBytes + " B");
        }
        ModelInputException.requireNonNegative("heap.measured.trackedPages", trackedPages);
        ModelInputException.requireNonNegative("heap.measured.trackedObjects", trackedObjects);
        ModelInputException.requireNonNegative("heap.measured.totalObjects", totalObjects);
        ModelInputException.requireNonNegative("heap.measured.frozenObjects", frozenObjects);
        ModelInputException.requireNonNegative("heap.measured.mainObjects", mainObjects);
        ModelInputException.requireNonNegative("heap.measured.nonObjectSize", nonObjectBytes);
        if (nonObjectBytes >= heapBytes) {
            throw new ModelInputException("heap.measured.nonObjectSize (" + nonObjectBytes
                    + " B) must be below heapSize (" + heapBytes + " B): the objects need pages too");
        }
        long pages = (heapBytes + PageSize.SMALL_4K.bytes() - 1) / PageSize.SMALL_4K.bytes()
                - nonObjectBytes / PageSize.SMALL_4K.bytes();
        if (trackedPages > pages) {
            throw new ModelInputException("heap.measured.trackedPages (" + trackedPages
                    + ") exceeds the heap's " + pages + " pages of 4 KiB that hold objects");
        }
        if (trackedObjects > totalObjects) {
            throw new ModelInputException("heap.measured.trackedObjects (" + trackedObjects
                    + ") exceeds totalObjects (" + totalObjects + ")");
        }
        if (trackedObjects < trackedPages) {
            throw new ModelInputException("heap.measured.trackedPages (" + trackedPages
                    + ") exceeds trackedObjects (" + trackedObjects + "): each tracked page holds at least one");
        }
        if (trackedObjects > 0 && trackedPages == 0) {
            throw new ModelInputException("heap.measured.trackedPages must be > 0 when trackedObjects is " + trackedObjects);
        }
        if (frozenObjects > trackedObjects) {
            throw new ModelInputException("heap.measured.frozenObjects (" + frozenObjects
                    + ") exceeds trackedObjects (" + trackedObjects + ")");
        }
        if (mainObjects > totalObjects) {
            throw new ModelInputException("heap.measured.mainObjects (" + mainObjects
                    + ") exceeds totalObjects (" + totalObjects + ")");
        }
    }

    /** 4 KiB pages of the heap. */
    public long smallPages() {
        return (heapBytes + PageSize.SMALL_4K.bytes() - 1) / PageSize.SMALL_4K.bytes();
    }

    /** Whole 4 KiB pages holding no object. */
    public long nonObjectSmallPages() {
        return nonObjectBytes / PageSize.SMALL_4K.bytes();
    }

    /** 4 KiB pages holding objects. */
    public long objectSmallPages() {
        return smallPages() - nonObjectSmallPages();
    }
}
