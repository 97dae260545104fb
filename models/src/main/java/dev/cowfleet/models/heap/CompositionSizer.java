package dev.cowfleet.models.heap;

import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.runtime.ModelInputException;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a heap composition into the facts a measurement would give (see {@link HeapImage#fromComposition}). */
final class CompositionSizer {
    private static final int SMALL_OBJECT_LIMIT = 512;
    /** pymalloc pool header on 64-bit ({@code struct pool_header}), not available to objects. */
    private static final int POOL_HEADER_BYTES = 48;

    private CompositionSizer() {
    }

    static MeasuredHeap measure(List<ObjectKind> kinds, InterpreterProfile profile) {
        if (kinds == null || kinds.isEmpty()) {
            throw new ModelInputException("heap.composition.kinds must list at least one object kind");
        }
        int alignment = profile.allocationAlignmentBytes();
        long pageBytes = PageSize.SMALL_4K.bytes();
        Map<Long, long[]> bySlot = new TreeMap<>();
        long pages = 0;
        long trackedPages = 0;
        long tracked = 0;
        long total = 0;
        for (ObjectKind k : kinds) {
            long size = k.sizeBytes() + (k.tracked() ? profile.gcHeadBytes() : 0);
            total += k.count();
            tracked += k.tracked() ? k.count() : 0;
            if (size > SMALL_OBJECT_LIMIT) {
                long perObject = (size + pageBytes - 1) / pageBytes;
                pages += k.count() * perObject;
                trackedPages += k.tracked() ? k.count() : 0;
            } else {
                long slot = (size + alignment - 1) / alignment * alignment;
                long[] counts = bySlot.computeIfAbsent(slot, s -> new long[2]);
                counts[0] += k.count();
                counts[1] += k.tracked() ? k.count() : 0;
            }
        }
        for (Map.Entry<Long, long[]> e : bySlot.entrySet()) {
            long slotsPerPage = (pageBytes - POOL_HEADER_BYTES) / e.getKey();
            long count = e.getValue()[0];
            long classPages = (count + slotsPerPage - 1) / slotsPerPage;
            pages += classPages;
            double untrackedShare = 1 - (double) e.getValue()[1] / Math.max(1, count);
            double trackedPageShare = 1 - Math.pow(untrackedShare, Math.min(count, slotsPerPage));
            trackedPages += Math.min(e.getValue()[1], Math.round(classPages * trackedPageShare));
        }
        if (total == 0) {
            throw new ModelInputException("heap.composition.kinds: total count must be > 0");
        }
        return new MeasuredHeap(pages * pageBytes, trackedPages, tracked, total, 0, 0);
    }
}
