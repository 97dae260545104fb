package dev.cowfleet.models.heap;

import dev.cowfleet.models.runtime.InterpreterProfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The master's heap at fork, as page classes (immutable). Built either from measured facts or
 * from a composition of object kinds; both end in the same page classes.
 *
 * <p>Each residence segment (see {@link SegmentPlan}) is split by how many hot objects a page
 * holds, and then into pages with and without free slots:
 * <ul>
 *   <li>scattered layout: hot objects are a random {@code hotObjectFraction} of all objects, so the
 *       hot count of a page is Poisson with mean {@code hotObjectFraction * objectsPerPage}
 *       (classes for 0..7 hot objects, then one tail class with the conditional mean);</li>
 *   <li>clustered layout: a {@code hotObjectFraction} share of each segment's pages holds only hot
 *       objects, the rest none;</li>
 *   <li>free slots: pymalloc keeps free slots in partially used pools; we take those pools to be
 *       half empty ({@link #HOLE_POOL_FREE_SHARE}), so {@code 2 * freeSlotFraction} of the pages
 *       carry all the free slots, spread evenly over the classes.</li>
 * </ul>
 */
public final class HeapImage {
    /** Free share of a partially used pool (inferred: the midpoint of "neither full nor empty"). */
    public static final double HOLE_POOL_FREE_SHARE = 0.5;
    private static final int EXACT_HOT_LEVELS = 8;

    private final PageSize pageSize;
    private final List<PageClass> classes;
    private final MeasuredHeap measured;
    private final HeapLayout layout;
    private final InheritedGcState inherited;
    private final long hotObjects;
    private final long youngObjects0;
    private final long youngObjects1;

    private HeapImage(PageSize pageSize, List<PageClass> classes, MeasuredHeap measured, HeapLayout layout,
                      InheritedGcState inherited, long hotObjects, long youngObjects0, long youngObjects1) {
        this.pageSize = pageSize;
        this.classes = Collections.unmodifiableList(classes);
        this.measured = measured;
        this.layout = layout;
        this.inherited = inherited;
        this.hotObjects = hotObjects;
        this.youngObjects0 = youngObjects0;
        this.youngObjects1 = youngObjects1;
    }

    /** A heap described by what a user measured on their master process. */
    public static HeapImage fromMeasured(MeasuredHeap heap, HeapLayout layout, InheritedGcState inherited,
                                         InterpreterProfile profile, PageSize pageSize) {
        Objects.requireNonNull(heap, "heap");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(inherited, "inherited");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(pageSize, "pageSize");
        long unfrozen = heap.trackedObjects() - heap.frozenObjects();
        long young0 = Math.min(inherited.count0(), unfrozen);
        long young1 = profile.incremental() ? 0
                : Math.min(inherited.count1() * (profile.defaultThresholds().young() + 1L), unfrozen - young0);
        List<Segment> segments = SegmentPlan.plan(heap, young0, young1, pageSize);
        List<PageClass> classes = new ArrayList<>();
        long pages = 0;
        for (Segment s : segments) {
            pages += s.objectsPerPage() > 0 ? s.pages() : 0;
        }
        double holePageShare = holePageShare(layout.freeSlotFraction(), pageSize);
        double freeSlotsPerHolePage = freeSlotsPerHolePage(heap, layout.freeSlotFraction(), pages, holePageShare);
        for (Segment s : segments) {
            splitByHotObjects(s, layout, holePageShare, freeSlotsPerHolePage, classes);
        }
        double hot = 0;
        for (PageClass c : classes) {
            hot += c.pages() * c.hotObjectsPerPage();
        }
        return new HeapImage(pageSize, classes, heap, layout, inherited, Math.round(hot), young0, young1);
    }

    /**
     * A heap described by object kinds. pymalloc serves objects up to 512 B from pools of one size
     * class (8 B steps up to 3.7, 16 B from 3.8); within a size class tracked and untracked objects
     * mix at random, so a pool page is tracked unless every slot on it is untracked. Larger objects
     * get their own pages. Sizes are {@code __sizeof__()} plus the version's {@code PyGC_Head}.
     */
    public static HeapImage fromComposition(List<ObjectKind> kinds, HeapLayout layout, InheritedGcState inherited,
                                            InterpreterProfile profile, PageSize pageSize) {
        return fromMeasured(CompositionSizer.measure(kinds, profile), layout, inherited, profile, pageSize);
    }

    private static double holePageShare(double freeSlotFraction, PageSize pageSize) {
        double smallShare = Math.min(1.0, freeSlotFraction / HOLE_POOL_FREE_SHARE);
        return 1 - Math.pow(1 - smallShare, pageSize.smallPagesPerPage());
    }

    private static double freeSlotsPerHolePage(MeasuredHeap heap, double f, long pages, double holeShare) {
        if (f == 0 || holeShare == 0) {
            return 0;
        }
        double freeSlots = heap.totalObjects() * f / (1 - f);
        return freeSlots / (pages * holeShare);
    }

    private static void splitByHotObjects(Segment s, HeapLayout layout, double holeShare, double freeSlotsPerHolePage,
                                          List<PageClass> out) {
        if (s.objectsPerPage() == 0) {
            // no object: nothing hot, no pymalloc slot to fill
            out.add(new PageClass(s.label(), s.pages(), 0, 0, s.residence(), 0, 0, false));
            return;
        }
        double h = layout.hotObjectFraction();
        double[] weights;
        double[] hotPerPage;
        if (layout.hotClustered()) {
            weights = new double[] {1 - h, h};
            hotPerPage = new double[] {0, s.objectsPerPage()};
        } else {
            double lambda = h * s.objectsPerPage();
            weights = new double[EXACT_HOT_LEVELS + 1];
            hotPerPage = new double[EXACT_HOT_LEVELS + 1];
            double pmf = Math.exp(-lambda);
            double below = 0;
            double meanBelow = 0;
            for (int x = 0; x < EXACT_HOT_LEVELS; x++) {
                weights[x] = pmf;
                hotPerPage[x] = x;
                below += pmf;
                meanBelow += x * pmf;
                pmf *= lambda / (x + 1);
            }
            double tail = Math.max(0, 1 - below);
            weights[EXACT_HOT_LEVELS] = tail;
            hotPerPage[EXACT_HOT_LEVELS] = tail > 0 ? Math.max(EXACT_HOT_LEVELS, (lambda - meanBelow) / tail) : EXACT_HOT_LEVELS;
        }
        long[] pages = Apportion.largestRemainder(s.pages(), weights);
        for (int i = 0; i < pages.length; i++) {
            if (pages[i] == 0) {
                continue;
            }
            long holes = Math.round(pages[i] * holeShare);
            String label = s.label() + "/hot" + (hotPerPage[i] == Math.rint(hotPerPage[i])
                    ? String.valueOf((long) hotPerPage[i]) : String.format("~%.1f", hotPerPage[i]));
            if (holes > 0) {
                out.add(new PageClass(label + "/holes", holes, s.objectsPerPage(), s.trackedPerPage(), s.residence(),
                        hotPerPage[i], freeSlotsPerHolePage, false));
            }
            if (pages[i] - holes > 0) {
                out.add(new PageClass(label, pages[i] - holes, s.objectsPerPage(), s.trackedPerPage(), s.residence(),
                        hotPerPage[i], 0, false));
            }
        }
    }

    public PageSize pageSize() {
        return pageSize;
    }

    public long pageBytes() {
        return pageSize.bytes();
    }

    public List<PageClass> classes() {
        return classes;
    }

    /** Inherited pages (of {@link #pageBytes()} each). */
    public long pages() {
        long n = 0;
        for (PageClass c : classes) {
            n += c.pages();
        }
        return n;
    }

    public long heapBytes() {
        return measured.heapBytes();
    }

    public long trackedObjects() {
        return measured.trackedObjects();
    }

    public long totalObjects() {
        return measured.totalObjects();
    }

    public long frozenObjects() {
        return measured.frozenObjects();
    }

    public long mainObjects() {
        return measured.mainObjects();
    }

    /** Objects requests draw their touches from: the hot objects the page classes hold. */
    public long hotObjects() {
        return hotObjects;
    }

    /** Tracked objects in generation 0 at fork. */
    public long youngObjects0() {
        return youngObjects0;
    }

    /** Tracked objects in generation 1 at fork (estimated, see {@link SegmentPlan}). */
    public long youngObjects1() {
        return youngObjects1;
    }

    public InheritedGcState inherited() {
        return inherited;
    }

    public HeapLayout layout() {
        return layout;
    }

    /** The measured facts this image was built from (derived ones for a composition). */
    public MeasuredHeap measured() {
        return measured;
    }

    /** Mean bytes per inherited object, used to turn the worker's bytes into allocator slots. */
    public double meanObjectBytes() {
        return (double) measured.heapBytes() / measured.totalObjects();
    }
}
