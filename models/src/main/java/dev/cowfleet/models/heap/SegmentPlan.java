package dev.cowfleet.models.heap;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the master's heap into segments by GC residence, at the page size copy-on-write uses.
 *
 * <p>Tracked objects fill {@code trackedPages} pages evenly; untracked objects are spread evenly
 * over all pages. The tracked objects are split by generation at fork: frozen ones, the
 * {@code count0} objects of generation 0, generation 1 (estimated as {@code count1 * (threshold0 + 1)}
 * objects: each of the {@code count1} young collections since the last gen-1 collection promoted up
 * to a full generation 0, and import-time objects mostly survive), and the old rest. Frozen,
 * generation-0 and generation-1 objects are recent or contiguous allocations, so each of those
 * segments occupies its own pages.
 *
 * <p>Pages that hold no object ({@code nonObjectSize}) form their own segment, with no object and no
 * tracked header on them.
 *
 * <p>With 2 MiB pages, a huge page takes the youngest residence of the small pages it spans:
 * contiguous segments cover ceil(pages / 512) huge pages, and old tracked pages, interleaved at
 * random with untracked ones, mark a huge page tracked unless all 512 small pages are untracked.
 */
final class SegmentPlan {
    private SegmentPlan() {
    }

    static final String NON_OBJECT = "non-object";

    static List<Segment> plan(MeasuredHeap heap, long youngObjects0, long youngObjects1, PageSize pageSize) {
        List<Segment> segments = objectSegments(heap, youngObjects0, youngObjects1, pageSize);
        long nonObjectPages = pageSize == PageSize.SMALL_4K ? heap.nonObjectSmallPages()
                : heap.nonObjectBytes() / pageSize.bytes();
        if (nonObjectPages > 0) {
            segments.add(new Segment(NON_OBJECT, nonObjectPages, 0, 0, Residence.UNTRACKED));
        }
        return segments;
    }

    private static List<Segment> objectSegments(MeasuredHeap heap, long youngObjects0, long youngObjects1,
                                                PageSize pageSize) {
        long n = heap.objectSmallPages();
        long tracked = heap.trackedObjects();
        long frozen = heap.frozenObjects();
        long old = tracked - frozen - youngObjects0 - youngObjects1;
        double untrackedPerSmallPage = (double) (heap.totalObjects() - tracked) / n;
        long[] objects = {frozen, youngObjects0, youngObjects1, old};
        Residence[] residences = {Residence.FROZEN, Residence.YOUNG0, Residence.YOUNG1, Residence.OLD};
        long[] smallPages = trackedPagesBySegment(heap.trackedPages(), objects);
        List<Segment> segments = new ArrayList<>();
        if (pageSize == PageSize.SMALL_4K) {
            for (int i = 0; i < objects.length; i++) {
                if (smallPages[i] > 0) {
                    double trackedPerPage = (double) objects[i] / smallPages[i];
                    segments.add(new Segment(residences[i].name().toLowerCase(), smallPages[i],
                            trackedPerPage + untrackedPerSmallPage, trackedPerPage, residences[i]));
                }
            }
            long untrackedPages = n - heap.trackedPages();
            if (untrackedPages > 0) {
                segments.add(new Segment("untracked", untrackedPages, untrackedPerSmallPage, 0, Residence.UNTRACKED));
            }
            return segments;
        }
        int m = pageSize.smallPagesPerPage();
        long hugePages = (heap.heapBytes() + pageSize.bytes() - 1) / pageSize.bytes()
                - heap.nonObjectBytes() / pageSize.bytes();
        double objectsPerHugePage = (double) heap.totalObjects() / hugePages;
        long used = 0;
        for (int i = 0; i < 3; i++) {
            long pages = Math.min(hugePages - used, (smallPages[i] + m - 1) / m);
            if (pages > 0) {
                segments.add(new Segment(residences[i].name().toLowerCase(), pages, objectsPerHugePage,
                        (double) objects[i] / pages, residences[i]));
                used += pages;
            }
        }
        long rest = hugePages - used;
        long restSmall = Math.max(1, n - smallPages[0] - smallPages[1] - smallPages[2]);
        double oldShare = Math.min(1.0, (double) smallPages[3] / restSmall);
        long oldHuge = objects[3] > 0 ? Math.max(1, Math.round(rest * (1 - Math.pow(1 - oldShare, m)))) : 0;
        oldHuge = Math.min(rest, oldHuge);
        if (oldHuge > 0) {
            segments.add(new Segment("old", oldHuge, objectsPerHugePage, (double) objects[3] / oldHuge, Residence.OLD));
        }
        if (rest - oldHuge > 0) {
            segments.add(new Segment("untracked", rest - oldHuge, objectsPerHugePage, 0, Residence.UNTRACKED));
        }
        return segments;
    }

    /**
     * Tracked pages per segment in proportion to objects (largest remainder); a non-empty segment
     * that rounds to no page takes one from the largest segment.
     */
    private static long[] trackedPagesBySegment(long trackedPages, long[] objects) {
        double[] weights = new double[objects.length];
        for (int i = 0; i < objects.length; i++) {
            weights[i] = objects[i];
        }
        long[] pages = Apportion.largestRemainder(trackedPages, weights);
        for (int i = 0; i < objects.length; i++) {
            if (objects[i] > 0 && pages[i] == 0) {
                int largest = 0;
                for (int k = 1; k < pages.length; k++) {
                    largest = pages[k] > pages[largest] ? k : largest;
                }
                if (pages[largest] > 1) {
                    pages[largest]--;
                    pages[i]++;
                }
            }
        }
        return pages;
    }
}
