package dev.cowfleet.models.server;

import dev.cowfleet.models.gc.GcPlan;
import dev.cowfleet.models.heap.HeapImage;
import dev.cowfleet.models.heap.PageClass;
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
    private final double[] refcountProbability;
    private final double[] mutationProbability;
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
        refcountProbability = new double[classes.size()];
        mutationProbability = new double[classes.size()];
        for (int i = 0; i < classes.size(); i++) {
            PageClass c = classes.get(i);
            refcountProbability[i] = c.immortal() ? 0
                    : touchProbability(c.hotObjectsPerPage(), request.inheritedObjectsTouched(), hot);
            mutationProbability[i] = touchProbability(c.hotObjectsPerPage(), request.mutatedObjects(), hot);
        }
        double untrackedPerTracked = image.trackedObjects() == 0 ? 1
                : (double) image.totalObjects() / image.trackedObjects();
        peakSlots = request.trackedAllocationsPeak() * untrackedPerTracked;
        gcPlan = new GcPlan(master.profile(), master.policy(), master.inherited(), request,
                master.collectableObjects(), image.trackedObjects(), master.youngObjects());
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

    /** Per-request probability that a request's refcount writes hit a page of class {@code i}. */
    public double refcountProbability(int i) {
        return refcountProbability[i];
    }

    /** Per-request probability that a request's mutations hit a page of class {@code i}. */
    public double mutationProbability(int i) {
        return mutationProbability[i];
    }

    /** Slots a request's peak occupies: its tracked peak plus untracked temporaries in the heap's ratio. */
    public double peakSlots() {
        return peakSlots;
    }
}
