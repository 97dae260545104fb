package dev.cowfleet.models.server;

import dev.cowfleet.models.gc.Collector;
import dev.cowfleet.models.gc.GcPlan;
import dev.cowfleet.models.heap.HeapImage;
import dev.cowfleet.models.heap.PageClass;
import dev.cowfleet.models.heap.Residence;
import dev.cowfleet.models.memory.RandomWrites;
import dev.cowfleet.models.runtime.ModelInputException;
import dev.cowfleet.models.workload.CostModel;
import dev.cowfleet.models.workload.RequestProfile;

import java.util.List;

/**
 * Everything a worker needs that is the same for every worker forked from one master with one
 * request profile and cost model: per-class write probabilities and the collector plan. Immutable
 * and thread-safe; build it once per (master, request, costs) and fork workers from it.
 */
public final class WorkerPlan {
    private final Master master;
    private final RequestProfile request;
    private final CostModel costs;
    private final GcPlan gcPlan;
    /** A collector as every fork starts it, never served: a fork in reused storage copies its state. */
    private final Collector forkedCollector;
    private final Teardown teardown;
    private final RandomWrites randomWrites;
    private final boolean[] holeClasses;
    private final boolean[] oldClasses;
    private final long[] pages;
    private final long holePages;
    private final long oldPages;
    private final double peakSlots;

    private WorkerPlan(Master master, RequestProfile request, CostModel costs) {
        this.master = master;
        this.request = request;
        this.costs = costs;
        HeapImage image = master.image();
        long hot = image.hotObjects();
        checkTouches("workload.inheritedObjectsTouched", request.inheritedObjectsTouched(), hot, image);
        checkTouches("workload.mutatedObjects", request.mutatedObjects(), hot, image);
        List<PageClass> classes = master.classes();
        int n = classes.size();
        double[] refcountChance = new double[n];
        double[] mutationChance = new double[n];
        double[] hotPerPage = new double[n];
        boolean[] refcountWrites = new boolean[n];
        holeClasses = new boolean[n];
        oldClasses = new boolean[n];
        for (int i = 0; i < n; i++) {
            PageClass c = classes.get(i);
            hotPerPage[i] = c.hotObjectsPerPage();
            refcountWrites[i] = !c.immortal();
            refcountChance[i] = c.immortal() ? 0
                    : touchProbability(c.hotObjectsPerPage(), request.inheritedObjectsTouched(), hot);
            mutationChance[i] = touchProbability(c.hotObjectsPerPage(), request.mutatedObjects(), hot);
            holeClasses[i] = c.hasHoles();
            oldClasses[i] = c.residence() == Residence.OLD;
        }
        // per class and per sweep, fixed for every worker of the plan: computed once, not at each fork
        pages = new long[n];
        long holes = 0;
        long old = 0;
        for (int i = 0; i < n; i++) {
            pages[i] = classes.get(i).pages();
            holes += holeClasses[i] ? pages[i] : 0;
            old += oldClasses[i] ? pages[i] : 0;
        }
        holePages = holes;
        oldPages = old;
        randomWrites = new RandomWrites(RandomWrites.equivalentDraws(request.inheritedObjectsTouched(), hot),
                RandomWrites.equivalentDraws(request.mutatedObjects(), hot), hot, hotPerPage, refcountWrites,
                refcountChance, mutationChance);
        double untrackedPerTracked = image.trackedObjects() == 0 ? 1
                : (double) image.totalObjects() / image.trackedObjects();
        peakSlots = request.trackedAllocationsPeak() * untrackedPerTracked;
        gcPlan = new GcPlan(master.profile(), master.policy(), master.inherited(), request,
                master.collectableObjects(), image.trackedObjects(), master.youngObjects());
        forkedCollector = Collector.forPlan(gcPlan);
        teardown = new Teardown(master);
    }

    public static WorkerPlan of(Master master, RequestProfile request, CostModel costs) {
        return new WorkerPlan(master, request, costs);
    }

    private static void checkTouches(String input, long touched, long hot, HeapImage image) {
        if (touched > hot) {
            throw new ModelInputException(input + " (" + touched + ") exceeds the heap's hot objects (" + hot
                    + ", about heap.hotObjects " + image.layout().hotObjectFraction() + " x " + image.totalObjects()
                    + " objects): a request cannot touch more distinct hot objects than exist");
        }
    }

    /**
     * The probability that a request drawing {@code touched} distinct objects out of {@code hot}
     * hits at least one of a page's {@code x} hot objects: 1 - C(hot - x, touched) / C(hot, touched),
     * computed as a product for integer x, and as (1 - touched/hot)^x for a tail class's mean.
     */
    static double touchProbability(double x, long touched, long hot) {
        if (touched == 0 || x <= 0) {
            return 0;
        }
        if (touched >= hot) {
            return 1;
        }
        if (x != Math.rint(x) || x > 64) {
            return -Math.expm1(x * Math.log1p(-(double) touched / hot));
        }
        double miss = 1;
        for (int i = 0; i < (int) x; i++) {
            miss *= (double) (hot - touched - i) / (hot - i);
        }
        return 1 - Math.max(0, miss);
    }

    public Master master() {
        return master;
    }

    public RequestProfile request() {
        return request;
    }

    public CostModel costs() {
        return costs;
    }

    public GcPlan gcPlan() {
        return gcPlan;
    }

    /** A fresh fork's collector, to be copied from and never changed. */
    Collector forkedCollector() {
        return forkedCollector;
    }

    /** Module teardown at a normal exit of this plan's workers. */
    Teardown teardown() {
        return teardown;
    }

    /** How requests write inherited pages at random (refcount and mutation). */
    public RandomWrites randomWrites() {
        return randomWrites;
    }

    /** Per-request probability that a request's refcount writes hit a page of class {@code i}. */
    public double refcountProbability(int i) {
        return randomWrites.refcountChance()[i];
    }

    /** Per-request probability that a request's mutations hit a page of class {@code i}. */
    public double mutationProbability(int i) {
        return randomWrites.mutationChance()[i];
    }

    /** Classes with free slots the allocator fills (shared, do not modify). */
    boolean[] holeClasses() {
        return holeClasses;
    }

    /** Classes of the old generation, which 3.14's incremental scan sweeps (shared, do not modify). */
    boolean[] oldClasses() {
        return oldClasses;
    }

    /** Inherited pages per class, indexed like {@link Master#classes()} (shared, do not modify). */
    long[] pages() {
        return pages;
    }

    /** Inherited pages in classes with free slots: the allocator's sweep covers them all when the holes fill. */
    long holePages() {
        return holePages;
    }

    /** Inherited pages of the old generation: the incremental scan's sweep covers them all in its first pass. */
    long oldPages() {
        return oldPages;
    }

    /** Slots a request's peak occupies: its tracked peak plus untracked temporaries in the heap's ratio. */
    public double peakSlots() {
        return peakSlots;
    }
}
