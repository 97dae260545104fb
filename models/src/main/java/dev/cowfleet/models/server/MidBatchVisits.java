package dev.cowfleet.models.server;

import dev.cowfleet.models.gc.Collector;
import dev.cowfleet.models.heap.PageClass;
import dev.cowfleet.models.heap.Residence;
import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.memory.PageLedger;
import dev.cowfleet.models.memory.RandomWrites;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * First visits that a batch's collections make before its last request, and who gets the pages
 * they write.
 *
 * <p>Why a batch may hold them. A worker's first requests hold its first young, gen-1 and full
 * collections, each writing whole classes ({@link FirstVisits}). Served as batches ending at each of
 * them, a lifetime began with two or three batches of a few requests whose random writes, with
 * thousands of draws each, cost most of its time. Nothing reads a worker inside one {@code serve},
 * and what a batch copies in total is the same whether it ends at those collections or not: a page
 * is copied in the end if random writes hit it, a sweep reaches it, or a collection writes its class,
 * and each of those depends on the requests served, not on where batches end. Only the attribution
 * depends on the order: a page a collection writes at request e belongs to random writes or the
 * allocator only if they got there by e.
 *
 * <p>So a batch runs on through first visits up to its {@value #LATEST_VISIT}th request (later ones
 * end it, as before: one at a batch's last request needs nothing here). For each class a first visit
 * writes at request e before the batch's end, every page that was clean when the batch began is
 * copied by the batch's end, and its source is set to its expected share (Rao-Blackwellization, as
 * for all attribution): per page, random writes first hit it at a geometric request J (miss chance q
 * per request); the allocator reaches it in this batch with the share of the class's unreached pages
 * its sweep reached, at a request as the holes filled ({@link AllocatorTiming}); the 3.14
 * incremental scan (a collection's write) likewise, at a uniform request. Within a request random
 * writes come first, then the allocator, then collections; whoever is first by request e wins, and
 * the first visit gets the rest.
 */
final class MidBatchVisits {
    /** First visits up to this request of a batch are served within it; the sums below take as many terms. */
    static final long LATEST_VISIT = 64;
    private static final int SOURCES = CopySource.values().length;
    private static final long NONE = Long.MAX_VALUE;

    /** The requests of the batch's first visits before its last request, or NONE. */
    private long youngAt;
    private long middleAt;
    private long fullAt;
    /** Clean pages per class when the batch began, kept only for a batch with visits to settle. */
    private final long[] cleanAtStart;
    private final double[] target = new double[SOURCES];
    /** The allocator's chance to reach a page before, and at, each request j <= the latest visit being settled. */
    private final double[] allocatorBefore = new double[(int) LATEST_VISIT + 1];
    private final double[] allocatorAt = new double[(int) LATEST_VISIT + 1];
    /** Per page, the chance that random writes, and that the allocator, wrote it first (set by {@link #firstWriters}). */
    double randomFirst;
    double allocatorFirst;

    MidBatchVisits(int classes) {
        this.cleanAtStart = new long[classes];
    }

    /**
     * Advances {@code collector} through at most {@code k} requests: through every first visit up to
     * the batch's {@value #LATEST_VISIT}th request, and up to and including a later one, noting in
     * {@code allocator} the {@code holeFill} at each before the batch's end. Returns the batch's length.
     */
    long advance(Collector collector, long k, AllocatorTiming allocator, DoubleSupplier holeFill) {
        allocator.clear();
        youngAt = NONE;
        middleAt = NONE;
        fullAt = NONE;
        long done = 0;
        while (done < k) {
            long step = Math.min(k - done, collector.requestsUntilPageEvent());
            boolean young = collector.youngVisited();
            boolean middle = collector.middleVisited();
            boolean full = collector.fullSinceFork();
            collector.advance(step);
            done += step;
            youngAt = !young && collector.youngVisited() ? done : youngAt;
            middleAt = !middle && collector.middleVisited() ? done : middleAt;
            fullAt = !full && collector.fullSinceFork() ? done : fullAt;
            if (done == k || done > LATEST_VISIT || allocator.full()) {
                break; // the batch's end, whose filling the worker gives the allocator's timing itself
            }
            allocator.reached(done, holeFill.getAsDouble());
        }
        // a first visit at the batch's last request ends it as batches always ended: nothing to settle
        youngAt = youngAt == done ? NONE : youngAt;
        middleAt = middleAt == done ? NONE : middleAt;
        fullAt = fullAt == done ? NONE : fullAt;
        return done;
    }

    /** Whether a first visit fell before the batch's last request. */
    boolean settles() {
        return latest() > 0;
    }

    /** The latest request before the batch's last that holds a first visit; 0 if none does. */
    private long latest() {
        return Math.max(inBatch(youngAt), Math.max(inBatch(middleAt), inBatch(fullAt)));
    }

    private static long inBatch(long visit) {
        return visit == NONE ? 0 : visit;
    }

    /** Remembers the clean pages of each class as the batch begins (call when {@link #settles}). */
    void rememberClean(PageLedger ledger) {
        for (int c = 0; c < cleanAtStart.length; c++) {
            cleanAtStart[c] = ledger.clean(c);
        }
    }

    /**
     * After the batch's first visits have written their classes: sets the batch's attribution of
     * each class a first visit wrote before the batch's last request to its expected shares (see the
     * class comment), the allocator's reach spread over the batch as {@code allocator} has it.
     */
    void settle(PageLedger ledger, List<PageClass> classes, RandomWrites writes, AllocatorTiming allocator) {
        time(allocator, latest());
        for (int c = 0; c < classes.size(); c++) {
            long e = visitOf(classes.get(c).residence());
            long pages = cleanAtStart[c];
            if (e == NONE || pages == 0) {
                continue;
            }
            firstWriters(writes.untouched(c), e, allocator.requests(), ledger.reachedShare(Worker.ALLOCATOR_SWEEP, c),
                    ledger.reachedShare(Worker.GC_SWEEP, c));
            double random = pages * randomFirst;
            double mutation = random * writes.mutationShare(c);
            Arrays.fill(target, 0);
            target[CopySource.REFCOUNT.ordinal()] = random - mutation;
            target[CopySource.MUTATION.ordinal()] = mutation;
            target[CopySource.ALLOCATOR.ordinal()] = pages * allocatorFirst;
            target[CopySource.GC.ordinal()] = pages * (1 - randomFirst - allocatorFirst);
            ledger.settle(c, target);
        }
    }

    /** The request of the batch's first visit that writes a class of {@code r}, or NONE. */
    private long visitOf(Residence r) {
        long e = FirstVisits.writes(r, true, false, false) ? youngAt : NONE;
        e = Math.min(e, FirstVisits.writes(r, false, true, false) ? middleAt : NONE);
        return Math.min(e, FirstVisits.writes(r, false, false, true) ? fullAt : NONE);
    }

    /** Looks up the allocator's timing for requests 1 to {@code latest}, which every class's sums then share. */
    void time(AllocatorTiming allocator, long latest) {
        for (int j = 1; j <= latest; j++) {
            allocatorBefore[j] = allocator.before(j);
            allocatorAt[j] = allocator.at(j);
        }
    }

    /**
     * For a page that a first visit writes at the end of request {@code e} of a batch of {@code k}:
     * the chances that random writes (missing it with chance {@code q} per request) and the allocator
     * (reaching it in this batch with chance {@code reachA}, at a request as the timing last looked up
     * by {@link #time} has it) wrote it first, given the 3.14 scan reaches it with chance
     * {@code reachG} at a uniform request. Sets {@link #randomFirst} and {@link #allocatorFirst}.
     */
    void firstWriters(double q, long e, long k, double reachA, double reachG) {
        double random = 0;
        double allocated = 0;
        double missedSoFar = 1; // q^(j-1): random writes missed it in requests 1..j-1
        for (long j = 1; j <= e; j++) {
            double allocatorEarlier = reachA * allocatorBefore[(int) j];
            double scanBefore = reachG * (j - 1) / k;
            random += missedSoFar * (1 - q) * (1 - allocatorEarlier) * (1 - scanBefore);
            allocated += reachA * allocatorAt[(int) j] * missedSoFar * q * (1 - scanBefore);
            missedSoFar *= q;
        }
        randomFirst = random;
        allocatorFirst = allocated;
    }
}
