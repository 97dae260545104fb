package dev.cowfleet.sim.calibrate;

import dev.cowfleet.models.heap.HeapImage;
import dev.cowfleet.models.heap.HeapLayout;
import dev.cowfleet.models.heap.InheritedGcState;
import dev.cowfleet.models.heap.MeasuredHeap;
import dev.cowfleet.models.heap.PageSize;
import dev.cowfleet.models.runtime.ExitMode;
import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.models.runtime.GcPolicy;
import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.runtime.PythonVersion;
import dev.cowfleet.models.workload.CostModel;
import dev.cowfleet.models.workload.RequestProfile;

/**
 * Translates what the probe measured into the models' inputs: the master's heap image, the
 * synthetic request, the worker baseline and each probe policy. Nothing here is fitted to the
 * worker figures the model is then compared with, except the baseline, which is the workers' own
 * private memory right after fork (before any request), i.e. an input, not a result.
 */
final class ModelSetup {
    /** Free small-object slots in inherited pools where sys._debugmallocstats is missing: the scenario default. */
    static final double FREE_SLOT_FRACTION = HeapLayout.DEFAULT_FREE_SLOT_FRACTION;

    private final ProbeReport probe;
    private final InterpreterProfile profile;
    private final MeasuredInputs inputs;
    private final MeasuredHeap measured;
    private final HeapLayout layout;

    ModelSetup(ProbeReport probe) {
        this.probe = probe;
        this.profile = InterpreterProfile.forVersion(PythonVersion.parse(probe.python().version()));
        ProbeReport.HeapFacts heap = probe.heap();
        this.inputs = MeasuredInputs.of(probe);
        this.measured = new MeasuredHeap(heap.anonymousBytesAtFork(), heap.trackedPages(),
                heap.trackedObjects(), heap.totalObjects(), heap.frozenObjects(), heap.mainObjects(),
                inputs.nonObjectBytes());
        this.layout = new HeapLayout(inputs.hotFraction(), false, inputs.freeSlotFraction(),
                HeapLayout.DEFAULT_COLLECTOR_HOLE_SHARE, inputs.frozenCyclicShare());
    }

    /**
     * Distinct inherited objects a request touches in the written scenario (the survey's counters), at
     * most the hot objects its layout holds.
     */
    long touches() {
        return touches(image(InheritedCounters.of(probe)));
    }

    /**
     * A saturated fit (every hot object touched) can name a few touches more than the hot objects the
     * layout places page by page after rounding; a request cannot touch more than exist.
     */
    private long touches(HeapImage image) {
        return Math.min(inputs.touches(), image.hotObjects());
    }

    MeasuredInputs inputs() {
        return inputs;
    }

    InterpreterProfile profile() {
        return profile;
    }

    /** The master's heap as the policy's workers inherited it, collector counters included. */
    HeapImage image(ProbeReport.PolicyRun run) {
        return image(InheritedCounters.of(probe, run));
    }

    private HeapImage image(InheritedCounters c) {
        InheritedGcState inherited = new InheritedGcState(c.count0(), c.count1(), c.count2(), c.longLivedTotal(),
                c.longLivedPending());
        return HeapImage.fromMeasured(measured, layout, inherited, profile, PageSize.SMALL_4K);
    }

    /** The request as the model runs it on {@code image}. */
    RequestProfile request(HeapImage image) {
        ProbeReport.RequestFacts r = probe.request();
        return new RequestProfile(0, touches(image), r.mutatedObjects(), r.trackedAllocationsPeak(),
                r.trackedSurvivors(), r.cyclicGarbageBytes(), r.liveGrowthBytes());
    }

    /**
     * Default costs; the baseline is the policy's workers' mean private memory right after fork, plus the
     * first request's warm-up (measured in a measurement worker).
     */
    CostModel costs(ProbeReport.PolicyRun run) {
        CostModel defaults = CostModel.defaults();
        long baseline = Math.round(run.workers().stream().mapToLong(w -> w.fork().uss()).average().orElseThrow())
                + inputs.warmupBytes();
        return new CostModel(defaults.cowFaultSeconds(), defaults.gcSecondsPerObject(),
                defaults.teardownSecondsPerObject(), baseline);
    }

    /**
     * The model policy of a probe policy run; {@code explicitCollectAfter} > 0 adds the probe's
     * explicit {@code gc.collect()} after that many requests. Under {@code gc.disable()} a library's
     * {@code gc.enable()}, seen by the hot-set measurement worker, switches collection back on after
     * the request it first happened in, as it does in the experiment's workers.
     */
    GcPolicy policy(ProbeReport.PolicyRun run, long explicitCollectAfter) {
        GcMode mode = GcMode.byName(run.gc()).orElseThrow(() -> new CalibrationException("probe policy '"
                + run.policy() + "' has gc mode '" + run.gc() + "'; expected enabled, disable or threshold0"));
        ExitMode exit = ExitMode.byName(run.exit()).orElseThrow(() -> new CalibrationException("probe policy '"
                + run.policy() + "' has exit '" + run.exit() + "'; expected normal or os._exit"));
        return GcPolicy.named(run.policy()).mode(mode).freeze(run.freeze()).exit(exit)
                .libraryEnablesGcAfterRequests(libraryEnablesGcAfter(mode))
                .explicitCollectEveryRequests(explicitCollectAfter).build();
    }

    /** The request after which a library re-enables the collector under {@code mode}, 0 = never. */
    long libraryEnablesGcAfter(GcMode mode) {
        Integer first = probe.request().gcFirstReenabledAfter();
        return mode == GcMode.DISABLED && first != null ? first : 0;
    }
}
