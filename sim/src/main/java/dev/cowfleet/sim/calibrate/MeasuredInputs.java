package dev.cowfleet.sim.calibrate;

import dev.cowfleet.models.heap.HeapImage;
import dev.cowfleet.models.heap.HeapLayout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every model input a calibration measures, each with the measurement it came from. The cells are
 * predicted from these alone; none is taken from the workers whose memory a cell compares (the
 * experiment's workers), only from the master, the heap survey and the separate measurement workers.
 *
 * @param nonObjectBytes    anonymous memory at fork that holds no object: the master's anonymous
 *                          memory minus pymalloc's used pools and the objects above 512 B
 * @param freeSlotFraction  free blocks / all blocks in pymalloc's used pools
 * @param frozenCyclicShare share of a frozen, idle worker's object pages its normal exit left clean
 * @param hotFraction       hot objects / all objects
 * @param touches           distinct inherited objects a request writes the refcount of
 * @param warmupBytes       the worker's own memory its first request takes beyond a later one's
 *                          (lazy imports, compiled templates, connections, caches): paid once per worker
 * @param sources           per scenario key, how it was measured (calibration.json {@code inputs})
 */
public record MeasuredInputs(long heapBytes, long nonObjectBytes, double freeSlotFraction, double frozenCyclicShare,
                             double hotFraction, long touches, long warmupBytes, Map<String, String> sources) {

    private static final long PAGE = 4096;

    public MeasuredInputs {
        sources = Map.copyOf(sources);
    }

    static MeasuredInputs of(ProbeReport probe) {
        Map<String, String> sources = new LinkedHashMap<>();
        ProbeReport.HeapFacts heap = probe.heap();
        long heapBytes = heap.anonymousBytesAtFork();
        sources.put("heap.measured.heapSize", "Anonymous in the master's /proc/PID/smaps_rollup right before fork");
        long nonObject = 0;
        double freeSlots = ModelSetup.FREE_SLOT_FRACTION;
        ProbeReport.Pymalloc malloc = heap.pymalloc();
        if (malloc != null) {
            long objectBytes = malloc.allocatedBytes() + malloc.availableBytes() + malloc.poolHeaderBytes()
                    + malloc.quantizationBytes() + heap.largeObjectBytes();
            // Leave every tracked page and one more to the objects, whatever the estimate says.
            long ceiling = heapBytes - (heap.trackedPages() + 1) * PAGE;
            nonObject = Math.max(0, Math.min(ceiling, heapBytes - objectBytes));
            sources.put("heap.measured.nonObjectSize", "heapSize minus pymalloc's used pools (sys._debugmallocstats: "
                    + "allocated + available blocks, pool headers, quantization) minus objects above 512 B "
                    + "(sys.getsizeof over the heap survey)");
            long blocks = malloc.allocatedBytes() + malloc.availableBytes();
            freeSlots = blocks == 0 ? 0 : Math.min(0.99, (double) malloc.availableBytes() / blocks);
            sources.put("heap.freeSlots", "available / (allocated + available) block bytes in "
                    + "sys._debugmallocstats() of the master");
        } else {
            sources.put("heap.measured.nonObjectSize", "not measured (no sys._debugmallocstats): 0B");
            sources.put("heap.freeSlots", "not measured (no sys._debugmallocstats): default 3%");
        }
        long objectPages = (heapBytes + PAGE - 1) / PAGE - nonObject / PAGE;
        double frozenShare = HeapLayout.DEFAULT_FROZEN_CYCLIC_SHARE;
        ProbeReport.FrozenShare frozen = probe.frozenShare();
        if (frozen != null) {
            long clean = Math.max(1, Math.min(frozen.sharedAtExit(), objectPages));
            frozenShare = Math.max(0, Math.min(1, 1 - (double) frozen.exitFaults() / clean));
            sources.put("heap.frozenCyclicShare", "1 - minor faults during the normal exit of a frozen worker that "
                    + "served no request / its clean object pages (a measurement worker, not an experiment one)");
        } else {
            sources.put("heap.frozenCyclicShare", "not measured (no gc.freeze() or no C exit hook): default 75%");
        }
        sources.put("heap.gcCounters", "gc.get_count() of the master, and long_lived_total/pending by experiment in "
                + "a fork of it (survivors allocated until its first full collection), right before each policy's "
                + "workers fork (scenario.yaml keeps the state right after import)");
        ProbeReport.RequestFacts request = probe.request();
        double hotFraction;
        long touches;
        if (request.hotCurve() != null) {
            long holePages = holePages(freeSlots, objectPages);
            double meanObjectBytes = (double) heapBytes / heap.totalObjects();
            double peakSlots = request.trackedAllocationsPeak() * (double) heap.totalObjects()
                    / Math.max(1, heap.trackedObjects());
            double slotsPerRequest = (request.liveGrowthBytes() + request.cyclicGarbageBytes()) / meanObjectBytes;
            double freeSlotCount = heap.totalObjects() * freeSlots / (1 - freeSlots);
            HotSetFit fit = HotSetFit.fit(withoutHoleFills(request.hotCurve(), holePages, peakSlots, slotsPerRequest,
                    freeSlotCount), objectPages, heap.totalObjects());
            hotFraction = Math.min(1, (double) fit.hotObjects() / heap.totalObjects());
            touches = fit.touches();
            String curve = "inherited pages copied (drop of the anonymous mappings' Shared_Clean + Shared_Dirty) after " + points(request)
                    + " requests in a measurement worker with gc.disable() and the heap frozen, less the pages "
                    + "with free slots (of " + holePages + ") that the requests' allocations had filled by then (the "
                    + "model charges those to the allocator), fitted to the model's saturation curve (worst point off by "
                    + Math.round(100 * fit.worstError()) + "%)";
            sources.put("heap.hotObjects", curve);
            sources.put("workload.inheritedObjectsTouched", curve);
        } else {
            hotFraction = request.hotFraction();
            touches = request.inheritedObjectsTouched();
            sources.put("heap.hotObjects", "the synthetic request's hot set (chosen by the probe)");
            sources.put("workload.inheritedObjectsTouched", "the synthetic request's touches (chosen by the probe)");
        }
        long warmup = 0;
        if (request.hotCurve() != null && request.hotCurve().get(0).size() > 2) {
            long firstOwn = request.hotCurve().get(0).get(2);
            warmup = Math.max(0, firstOwn - request.liveGrowthBytes() - request.cyclicGarbageBytes());
            sources.put("costs.workerBaseline", "the experiment workers' private memory right after fork, plus the "
                    + "first request's own memory beyond a later one's (" + warmup / 1024 + " KiB: private growth "
                    + "after request 1 that is not a copied page, in the hot-set measurement worker)");
        } else {
            sources.put("costs.workerBaseline", "the experiment workers' private memory right after fork, before any request");
        }
        boolean app = probe.app() != null;
        String allocations = app ? "a measurement worker with gc.disable(): " : "the synthetic request's own figures: ";
        sources.put("workload.trackedAllocationsPeak", allocations + (app
                ? "peak of gc.get_count()[0] sampled with sys.setprofile over 20 requests" : "cycles and kept lists made"));
        sources.put("workload.trackedSurvivors", allocations + (app
                ? "tracked objects left per request after gc.collect(), plus the cyclic garbage's tracked objects"
                : "cycles and kept lists per request"));
        sources.put("workload.cyclicGarbage", allocations + (app
                ? "sys.getsizeof of what gc.collect() finds with gc.DEBUG_SAVEALL, per request" : "size of its cycles"));
        sources.put("workload.liveGrowth", allocations + (app
                ? "Anonymous growth per request after gc.collect(), first request excluded" : "size of its kept lists"));
        if (request.gcFirstReenabledAfter() != null) {
            sources.put("policies.libraryEnablesGcAfter", "the first request at whose end gc.isenabled() was true "
                    + "again in the hot-set measurement worker run under gc.disable() (" + request.gcReenabledRequests()
                    + " of its " + request.measuredRequests() + " requests re-enabled it)");
        }
        if (request.cpuPerRequest() != null) {
            sources.put("workload.cpuPerRequest", "time.process_time() around each request in the hot-set measurement worker");
        }
        return new MeasuredInputs(heapBytes, nonObject, freeSlots, frozenShare, hotFraction, touches, warmup, sources);
    }

    /** Pages holding pymalloc free slots, as the model lays them out (HeapImage: half-empty pools). */
    static long holePages(double freeSlots, long objectPages) {
        return Math.round(Math.min(1, freeSlots / HeapImage.HOLE_POOL_FREE_SHARE) * objectPages);
    }

    /**
     * The curve counts every inherited page the requests copied, the ones their allocations copied by
     * filling free slots too (pymalloc fills used pools before it takes new ones). The model charges
     * those pages to the allocator: after k requests with the collector off, the share of the hole
     * pages that a request's peak plus k requests' survivors fill of the free slots. They leave the
     * curve before the hot set is fitted, or they would count twice.
     */
    static List<List<Long>> withoutHoleFills(List<List<Long>> curve, long holePages, double peakSlots,
                                             double slotsPerRequest, double freeSlots) {
        List<List<Long>> out = new ArrayList<>();
        for (List<Long> point : curve) {
            double filled = freeSlots <= 0 ? 0 : Math.min(1, (peakSlots + point.get(0) * slotsPerRequest) / freeSlots);
            out.add(List.of(point.get(0), Math.max(0, point.get(1) - Math.round(filled * holePages))));
        }
        return out;
    }

    private static String points(ProbeReport.RequestFacts request) {
        StringBuilder out = new StringBuilder();
        for (var point : request.hotCurve()) {
            out.append(out.length() == 0 ? "" : ", ").append(point.get(0));
        }
        return out.toString();
    }
}
