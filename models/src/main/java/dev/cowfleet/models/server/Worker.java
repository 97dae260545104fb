package dev.cowfleet.models.server;

import dev.cowfleet.models.gc.Collector;
import dev.cowfleet.models.heap.PageClass;
import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.memory.PageLedger;
import dev.cowfleet.models.runtime.ExitMode;
import dev.cowfleet.models.workload.CostModel;
import dev.cowfleet.models.workload.RequestProfile;
import org.apache.commons.math3.random.RandomGenerator;

import java.util.Arrays;
import java.util.List;

/**
 * One live worker process, forked from a {@link Master}: which inherited pages it has copied and
 * why, its own memory, its collector, and its CPU. Mutable, not thread-safe; one per process.
 *
 * <p>{@link #serve} applies any number of requests in O(page classes): it splits them into batches
 * only at a library's {@code gc.enable()} and at a first visit (the first young, gen-1 or full
 * collection, which write inherited pages no collection wrote before) later than a batch's
 * {@value MidBatchVisits#LATEST_VISIT}th request; earlier first visits fall inside the batch and
 * settle who copied what ({@link MidBatchVisits}). Within a request the order is: refcount writes,
 * mutation, allocation into inherited holes, collections.
 *
 * <p>Milestones ({@code requestsUntil...}) describe the future as things stand; recompute them
 * after every {@link #serve}.
 */
public final class Worker {
    static final int ALLOCATOR_SWEEP = 0;
    static final int GC_SWEEP = 1;
    private static final int SWEEPS = 2;
    private static final int CPU_USES = CpuUse.values().length; // values() clones: not at every fork and copy

    private final WorkerPlan plan;
    private final List<PageClass> classes;
    private final PageLedger ledger;
    private final Collector collector;
    private final long pageBytes;
    private final int smallPagesPerPage;
    private final double[] cpu;
    private final WriteOrder writeOrder;
    private final long holePages;
    private final long oldPages;
    /**
     * The most small-object slots the worker's allocations ever occupied at once: a request's peak
     * plus its own heap's high-water mark. pymalloc reuses freed blocks but keeps their pools, so
     * this, not what is alive now, decides its resident memory.
     */
    private double demandHighWater;
    private double holeFill;
    private double visitedCharged;
    private boolean exited;

    private Worker(WorkerPlan plan, PageLedger ledger, Collector collector, WriteOrder writeOrder, double[] cpu) {
        this.plan = plan;
        this.cpu = cpu;
        Master master = plan.master();
        this.classes = master.classes();
        this.ledger = ledger;
        this.collector = collector;
        this.pageBytes = master.pageBytes();
        this.smallPagesPerPage = master.image().pageSize().smallPagesPerPage();
        this.holePages = plan.holePages();
        this.oldPages = plan.oldPages();
        this.writeOrder = writeOrder;
    }

    /**
     * A copy of {@code o} whose ledger, collector and CPU account are already in {@code o}'s ones'
     * state; a write order holds only the batch being served, so any serves.
     */
    private Worker(Worker o, PageLedger ledger, Collector collector, WriteOrder writeOrder, double[] cpu) {
        this.plan = o.plan;
        this.cpu = cpu;
        this.classes = o.classes;
        this.ledger = ledger;
        this.collector = collector;
        this.pageBytes = o.pageBytes;
        this.smallPagesPerPage = o.smallPagesPerPage;
        this.holePages = o.holePages;
        this.oldPages = o.oldPages;
        this.writeOrder = writeOrder;
        this.demandHighWater = o.demandHighWater;
        this.holeFill = o.holeFill;
        this.visitedCharged = o.visitedCharged;
        this.exited = o.exited;
    }

    /**
     * An independent copy in the same state: serving it never changes this worker. Reading a
     * worker at an instant the model does not define (a sample, an age, a trace point) serves a
     * copy, so observing never changes the worker's future.
     */
    public Worker copy() {
        return new Worker(this, ledger.copy(), collector.copy(), new WriteOrder(plan), cpu.clone());
    }

    /** As {@link #copy()}, reusing the storage of {@code spare}: a worker of the same plan never read again (null: allocate). */
    public Worker copy(Worker spare) {
        if (spare == null || spare == this || spare.plan != plan) {
            return copy();
        }
        spare.ledger.copyFrom(ledger);
        spare.collector.copyFrom(collector);
        System.arraycopy(cpu, 0, spare.cpu, 0, CPU_USES);
        return new Worker(this, spare.ledger, spare.collector, spare.writeOrder, spare.cpu);
    }

    /** A fresh fork: every inherited page shared, the master's collector counters inherited. */
    public static Worker fork(WorkerPlan plan) {
        return new Worker(plan, new PageLedger(plan.pages(), SWEEPS), Collector.forPlan(plan.gcPlan()), new WriteOrder(plan),
                new double[CPU_USES]);
    }

    /** As {@link #fork(WorkerPlan)}, reusing the storage of {@code exited}: a worker of the same plan never read again (null: allocate). */
    public static Worker fork(WorkerPlan plan, Worker exited) {
        if (exited == null || exited.plan != plan) {
            return fork(plan);
        }
        if (!exited.exited) {
            throw new IllegalStateException("a live worker's storage cannot be reused");
        }
        exited.ledger.reset();
        exited.collector.copyFrom(plan.forkedCollector());
        Arrays.fill(exited.cpu, 0.0);
        return new Worker(plan, exited.ledger, exited.collector, exited.writeOrder, exited.cpu);
    }

    /** As {@link #fork(WorkerPlan)}; builds the plan, so prefer a shared plan when forking many workers. */
    public static Worker fork(Master master, RequestProfile request, CostModel costs) {
        return fork(WorkerPlan.of(master, request, costs));
    }

    // ---------------------------------------------------------------- serving

    /** Applies {@code requests} requests, including every collection and gc.enable() they contain. */
    public void serve(long requests, RandomGenerator rng) {
        requireAlive();
        if (requests < 0) {
            throw new IllegalArgumentException("requests must be >= 0, got " + requests);
        }
        long left = requests;
        while (left > 0) {
            left -= serveBatch(Math.min(left, collector.requestsUntilGcReenabled()), rng);
        }
    }

    /** Serves the next batch of at most {@code requests} requests (see {@link MidBatchVisits}); returns its length. */
    private long serveBatch(long requests, RandomGenerator rng) {
        long servedBefore = collector.requestsServed();
        boolean youngBefore = collector.youngVisited();
        boolean middleBefore = collector.middleVisited();
        boolean fullBefore = collector.fullSinceFork();
        MidBatchVisits visits = writeOrder.visits;
        AllocatorTiming allocator = writeOrder.allocator;
        long k = visits.advance(collector, requests, allocator, this::holeFillNow);

        double freeSlots = plan.master().freeSlots();
        double fillBefore = holeFill;
        demandHighWater = Math.max(demandHighWater, demandNow());
        holeFill = Math.min(freeSlots, demandHighWater);
        double allocShare = freeSlots > 0 ? holeFill / freeSlots : 0;
        double peakPart = servedBefore == 0 ? Math.max(0, Math.min(holeFill, plan.peakSlots()) - fillBefore) : 0;
        allocator.spread(k, fillBefore, holeFill, peakPart);
        double gcShare = collector.firstPassScanned();

        boolean settling = visits.settles();
        ledger.beginBatch(settling);
        if (settling) {
            visits.rememberClean(ledger);
        }
        long copied = ledger.writeRandomly(k, plan.randomWrites(), rng);
        long allocatorTarget = (long) (allocShare * holePages); // shares >= 0: truncation is the floor
        long scanTarget = (long) (gcShare * oldPages);
        if (allocatorTarget > ledger.reached(ALLOCATOR_SWEEP)) {
            copied += ledger.sweep(ALLOCATOR_SWEEP, plan.holeClasses(), allocatorTarget, CopySource.ALLOCATOR,
                    writeOrder.allocatorPrecedence, rng);
        }
        if (scanTarget > ledger.reached(GC_SWEEP)) {
            copied += ledger.sweep(GC_SWEEP, plan.oldClasses(), scanTarget, CopySource.GC, writeOrder.scanPrecedence, rng);
        }
        copied += FirstVisits.write(classes, ledger, collector, youngBefore, middleBefore, fullBefore);
        if (settling) {
            visits.settle(ledger, classes, plan.randomWrites(), allocator);
        }

        cpu[CpuUse.REQUESTS.ordinal()] += k * plan.request().cpuSeconds();
        cpu[CpuUse.COW_FAULTS.ordinal()] += copied * faultSeconds();
        double visited = collector.visitedObjects();
        cpu[CpuUse.GC.ordinal()] += (visited - visitedCharged) * plan.costs().gcSecondsPerObject();
        visitedCharged = visited;
        return k;
    }

    /**
     * Free slots in the inherited pools that the worker's allocations have taken by now: the most
     * they ever asked for (a request's peak, then the high-water mark of its own heap), up to all.
     */
    private double holeFillNow() {
        return Math.min(plan.master().freeSlots(), Math.max(demandHighWater, demandNow()));
    }

    private double demandNow() {
        return plan.peakSlots() + ownHeapHighWaterBytes() / plan.master().image().meanObjectBytes();
    }

    private double faultSeconds() {
        return plan.costs().cowFaultSeconds() * smallPagesPerPage;
    }

    /** The worker's own heap at its fullest so far: live growth plus the most garbage ever outstanding. */
    private double ownHeapHighWaterBytes() {
        RequestProfile r = plan.request();
        return (double) r.liveGrowthBytes() * collector.requestsServed()
                + (double) r.cyclicGarbageBytes() * collector.garbageHighWater()
                + promotedGarbageBytes(collector.promotedHighWater());
    }

    /** Cyclic garbage that gen-1 collections promoted with {@code allocations} in-flight allocations. */
    double promotedGarbageBytes(long allocations) {
        long peak = plan.request().trackedAllocationsPeak();
        return peak == 0 ? 0 : (double) plan.request().cyclicGarbageBytes() * allocations / peak;
    }

    // ---------------------------------------------------------------- exit

    /**
     * Ends the process. SIGKILL and {@code os._exit} skip finalization and copy nothing. A normal
     * exit runs the final collection(s) and module teardown ({@link Teardown}). CPU: faults,
     * final-collection visits and teardown frees; finalization is single-threaded, so its duration
     * equals its CPU.
     */
    public ShutdownOutcome exit(ExitKind kind, RandomGenerator rng) {
        requireAlive();
        exited = true;
        if (kind == ExitKind.SIGKILL || plan.master().policy().exit() == ExitMode.OS_EXIT) {
            return ShutdownOutcome.IMMEDIATE;
        }
        Teardown.Outcome teardown = plan.teardown().run(ledger, liveOwnBytes() / plan.master().image().meanObjectBytes(), rng);
        long copied = teardown.copiedPages();
        double freedObjects = teardown.freedObjects();
        int finals = plan.master().profile().finalCollections(collector.enabledFlag());
        double visited = finals * (plan.master().collectableObjects() + ownTrackedObjects());
        CostModel costs = plan.costs();
        double seconds = copied * faultSeconds() + visited * costs.gcSecondsPerObject()
                + freedObjects * costs.teardownSecondsPerObject();
        cpu[CpuUse.SHUTDOWN.ordinal()] += seconds;
        return new ShutdownOutcome(copied, seconds, seconds);
    }

    /** Bytes of the worker's own objects alive now: live growth and garbage no collection has freed yet. */
    private long liveOwnBytes() {
        RequestProfile r = plan.request();
        return r.liveGrowthBytes() * collector.requestsServed() + r.cyclicGarbageBytes() * collector.garbageRequests()
                + Math.round(promotedGarbageBytes(collector.promotedAllocations()));
    }

    private double ownTrackedObjects() {
        return plan.request().liveSurvivors() * collector.requestsServed();
    }

    private void requireAlive() {
        if (exited) {
            throw new IllegalStateException("worker has exited");
        }
    }

    // ---------------------------------------------------------------- milestones

    public long requestsServed() {
        return collector.requestsServed();
    }

    /** Requests until (and including) the one holding the next full collection; MAX if never as things stand. */
    public long requestsUntilNextFullCollection() {
        return collector.requestsUntilNextFullCollection();
    }

    /** Requests until (and including) the one at whose end a library calls gc.enable(); MAX if none. */
    public long requestsUntilGcReenabled() {
        return collector.requestsUntilGcReenabled();
    }

    /** Requests until the next collection that copies inherited pages; MAX if none is due. */
    public long requestsUntilPageEvent() {
        return Math.min(collector.requestsUntilPageEvent(), collector.requestsUntilGcReenabled());
    }

    /**
     * Expected requests until {@link #privateBytes()} exceeds {@code bytes} (for reload-on-rss/uss/pss);
     * see {@link PrivateMemoryForecast}. 0 if already above; MAX if never.
     */
    public long requestsUntilPrivateExceeds(long bytes) {
        return new PrivateMemoryForecast(this, collector, plan).requestsUntilExceeds(bytes);
    }

    // ---------------------------------------------------------------- accounting

    /** USS: copied inherited pages, the baseline, and the worker's own heap. */
    public long privateBytes() {
        return ledger.copiedTotal() * pageBytes + plan.costs().workerBaselineBytes() + ownHeapBytes();
    }

    /** Inherited pages still shared with the master. */
    public long sharedBytes() {
        return ledger.totalClean() * pageBytes;
    }

    /** Inherited pages copied so far, by every source: exact. */
    public long copiedPagesTotal() {
        return ledger.copiedTotal();
    }

    /** Pages copied by {@code s}: its expected share of exactly drawn totals, so fractional. */
    public double copiedPages(CopySource s) {
        return ledger.copied(s);
    }

    public double copiedBytes(CopySource s) {
        return ledger.copied(s) * pageBytes;
    }

    /**
     * The worker's own heap resident outside the inherited pages: the high-water mark of its
     * allocations (a request's peak, live growth, and the most cyclic garbage ever outstanding, young
     * and promoted to generation 2), less what landed in the inherited pools' free slots (those pages
     * are already counted as ALLOCATOR copies). A collection frees garbage for reuse by later
     * requests, but pymalloc keeps the pools, and an arena returns to the OS only when all of it is
     * free, which garbage interleaved with survivors rarely leaves; so this never falls. The baseline
     * is separate.
     */
    public long ownHeapBytes() {
        double outsideHoles = Math.max(0, demandHighWater - plan.master().freeSlots());
        return Math.round(outsideHoles * plan.master().image().meanObjectBytes());
    }

    public long fullCollections() {
        return collector.fullCollections();
    }

    public long youngCollections() {
        return collector.youngCollections();
    }

    public double cpuSeconds(CpuUse use) {
        return cpu[use.ordinal()];
    }

    /** Clean (shared) pages per class, indexed like {@link Master#classes()} (a fresh array). */
    public long[] cleanPagesByClass() {
        long[] out = new long[classes.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = ledger.clean(c);
        }
        return out;
    }

    /** Clean (shared) pages of class {@code c}, without allocating. */
    public long cleanPages(int c) {
        return ledger.clean(c);
    }

    public Master master() {
        return plan.master();
    }

    public boolean exited() {
        return exited;
    }
}
