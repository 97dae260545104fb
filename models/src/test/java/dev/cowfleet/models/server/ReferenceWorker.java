package dev.cowfleet.models.server;

import dev.cowfleet.models.gc.ReferenceCollector;
import dev.cowfleet.models.heap.PageClass;
import dev.cowfleet.models.heap.Residence;
import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.runtime.ExitMode;
import dev.cowfleet.models.workload.RequestProfile;
import org.apache.commons.math3.random.RandomGenerator;

import java.util.ArrayList;
import java.util.List;

/**
 * Test reference for {@link Worker}'s page physics: every inherited page explicit, every hot object
 * explicit, one request at a time. A request draws {@code inheritedObjectsTouched} distinct hot
 * objects (refcount), then {@code mutatedObjects} distinct hot objects (mutation), then the
 * allocator fills holes in a random page order fixed at fork, then collections run (stepped by the
 * allocation-by-allocation {@link ReferenceCollector}); the 3.14 incremental scan walks the old
 * pages in another random order. The first write to a page decides its source.
 */
final class ReferenceWorker {
    private final WorkerPlan plan;
    private final RandomGenerator rng;
    private final ReferenceCollector collector;
    private final int[] classOf;
    private final int[] hotPage;        // page of each hot object
    private final int[] holeOrder;
    private final int[] oldOrder;
    private final int[] source;         // -1 = clean
    private final long[] copied = new long[CopySource.values().length];
    private final double freeSlots;
    private double fill;
    private boolean youngDone;
    private boolean middleDone;
    private boolean fullDone;

    ReferenceWorker(WorkerPlan plan, RandomGenerator rng) {
        this.plan = plan;
        this.rng = rng;
        this.collector = new ReferenceCollector(plan.gcPlan());
        List<PageClass> classes = plan.master().classes();
        int pages = (int) plan.master().pages();
        classOf = new int[pages];
        source = new int[pages];
        java.util.Arrays.fill(source, -1);
        List<Integer> hot = new ArrayList<>();
        List<Integer> holes = new ArrayList<>();
        List<Integer> old = new ArrayList<>();
        int page = 0;
        for (int c = 0; c < classes.size(); c++) {
            PageClass pc = classes.get(c);
            int perPage = (int) Math.round(pc.hotObjectsPerPage());
            if (perPage != pc.hotObjectsPerPage()) {
                throw new IllegalArgumentException("reference needs whole hot objects per page: " + pc);
            }
            for (long i = 0; i < pc.pages(); i++, page++) {
                classOf[page] = c;
                for (int h = 0; h < perPage; h++) {
                    hot.add(page);
                }
                if (pc.hasHoles()) {
                    holes.add(page);
                }
                if (pc.residence() == Residence.OLD) {
                    old.add(page);
                }
            }
        }
        hotPage = hot.stream().mapToInt(Integer::intValue).toArray();
        holeOrder = shuffled(holes);
        oldOrder = shuffled(old);
        freeSlots = plan.master().freeSlots();
    }

    private int[] shuffled(List<Integer> pages) {
        int[] a = pages.stream().mapToInt(Integer::intValue).toArray();
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    void serve(long requests) {
        for (long i = 0; i < requests; i++) {
            request();
        }
    }

    private void request() {
        RequestProfile r = plan.request();
        touchDistinctHot(r.inheritedObjectsTouched(), CopySource.REFCOUNT, true);
        touchDistinctHot(r.mutatedObjects(), CopySource.MUTATION, false);
        collector.request();
        double promotedBytes = r.trackedAllocationsPeak() == 0 ? 0
                : (double) r.cyclicGarbageBytes() * collector.promotedHighWater() / r.trackedAllocationsPeak();
        double demand = plan.peakSlots() + ((double) r.liveGrowthBytes() * collector.served()
                + (double) r.cyclicGarbageBytes() * collector.garbageHighWater() + promotedBytes)
                / plan.master().image().meanObjectBytes();
        fill = Math.min(freeSlots, Math.max(fill, demand));
        int reached = freeSlots > 0 ? (int) Math.floor(fill / freeSlots * holeOrder.length) : 0;
        for (int i = 0; i < reached; i++) {
            write(holeOrder[i], CopySource.ALLOCATOR);
        }
        List<PageClass> classes = plan.master().classes();
        boolean young = collector.youngVisited() && !youngDone;
        boolean middle = collector.middleVisited() && !middleDone;
        boolean full = collector.fullSinceFork() && !fullDone;
        youngDone |= young;
        middleDone |= middle;
        fullDone |= full;
        if (young || middle || full) {
            for (int p = 0; p < classOf.length; p++) {
                Residence res = classes.get(classOf[p]).residence();
                if ((full && res.visitedByFullCollection()) || (young && res == Residence.YOUNG0)
                        || (middle && res == Residence.YOUNG1)) {
                    write(p, CopySource.GC);
                }
            }
        }
        int scanned = (int) Math.floor(collector.firstPassScanned() * oldOrder.length);
        for (int i = 0; i < scanned; i++) {
            write(oldOrder[i], CopySource.GC);
        }
    }

    private void touchDistinctHot(long count, CopySource s, boolean refcount) {
        int n = hotPage.length;
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(n - i);
            int t = hotPage[i];
            hotPage[i] = hotPage[j];
            hotPage[j] = t;
            int page = hotPage[i];
            if (!refcount || !plan.master().classes().get(classOf[page]).immortal()) {
                write(page, s);
            }
        }
    }

    void exitNormally() {
        if (plan.master().policy().exit() == ExitMode.OS_EXIT) {
            return;
        }
        for (int p = 0; p < classOf.length; p++) {
            PageClass pc = plan.master().classes().get(classOf[p]);
            if (!pc.immortal() && rng.nextDouble() >= keptByFrozenCycles(pc.residence())) {
                write(p, CopySource.SHUTDOWN);
            }
        }
    }

    /** Each page of a frozen object stays clean with the cyclic share; an untracked one scaled by the frozen share. */
    private double keptByFrozenCycles(Residence residence) {
        double share = plan.master().image().layout().frozenCyclicShare();
        double tracked = plan.master().image().trackedObjects();
        if (residence == Residence.FROZEN) {
            return share;
        }
        return residence == Residence.UNTRACKED && tracked > 0
                ? share * (tracked - plan.master().collectableObjects()) / tracked : 0;
    }

    private void write(int page, CopySource s) {
        if (source[page] < 0) {
            source[page] = s.ordinal();
            copied[s.ordinal()]++;
        }
    }

    long copied(CopySource s) {
        return copied[s.ordinal()];
    }
}
