package dev.cowfleet.sim.calibrate;

import java.util.List;

/**
 * What {@code probe.py} printed: the master's heap facts and every worker's figures per policy and
 * phase. Field names are the probe's JSON keys; sizes are bytes, faults are 4 KiB minor faults.
 */
public record ProbeReport(int probe, PythonInfo python, String preload, String app, double importSeconds,
                          HeapFacts heap, GcFacts gc, RequestFacts request, FrozenShare frozenShare,
                          Experiment experiment, Served experimentServed) {

    public record PythonInfo(String version, int gcHeadBytes, int pageBytes, String executable) {
    }

    /**
     * @param objectPages     pages spanned by the objects' own blocks (external buffers excluded)
     * @param trackedPages    pages holding at least one GC header
     * @param hotPages        pages holding at least one of the objects the requests touch
     * @param generationSizes objects per generation (null before 3.8, which cannot list them)
     */
    public record HeapFacts(long trackedObjects, long totalObjects, long heapBytes, long objectPages,
                            long trackedPages, double trackedPagesFraction, long frozenObjects, long mainObjects,
                            long anonymousBytesBeforeImport, long anonymousBytesAtFork, List<Long> generationSizes,
                            long hotPages, long largeObjectBytes, Pymalloc pymalloc) {
    }

    /** {@code sys._debugmallocstats()} of the master's heap (null where the interpreter has none). */
    public record Pymalloc(long allocatedBytes, long availableBytes, long unusedPoolBytes, long poolHeaderBytes,
                           long quantizationBytes, long alignmentBytes, long arenaBytes) {
    }

    /** A frozen worker that served nothing: its minor faults during a normal exit, and its shared pages before. */
    public record FrozenShare(long exitFaults, long sharedAtExit) {
    }

    /** Requests served and how they answered; {@code firstFailure} names the first that raised or answered 5xx. */
    public record Served(long served, long failures, java.util.Map<String, Long> statuses, String firstFailure) {
    }

    /** Collector state of the master at fork; the long-lived counters come from an experiment. */
    public record GcFacts(List<Integer> thresholds, List<Long> countAtFork, LongLived longLived,
                          List<String> notes) {
    }

    /** {@code total}/{@code pending} are null when the experiment saw no full collection. */
    public record LongLived(String method, Long total, Long pending, Long survivorsUntilFullCollection,
                            Long resolution, String note) {
    }

    /**
     * The request the workers served, in the terms of the models' request profile. For the synthetic
     * request the probe knows the hot set and touches it made; for an app's requests ({@code hotCurve}
     * non-null) they are fitted to the curve of inherited pages copied after k requests, measured with
     * the collector off and the heap frozen. {@code gcFirstReenabledAfter} is the first of those
     * requests at whose end {@code gc.isenabled()} was true again (a library called {@code gc.enable()});
     * null when none did.
     */
    public record RequestFacts(long inheritedObjectsTouched, long hotObjects, double hotFraction,
                               long mutatedObjects, long trackedAllocationsPeak, long trackedSurvivors,
                               long cyclicGarbageBytes, long liveGrowthBytes, List<List<Long>> hotCurve,
                               Double cpuPerRequest, Integer gcReenabledRequests, Integer measuredRequests,
                               Integer gcFirstReenabledAfter) {
    }

    public record Experiment(int workers, int requests, List<PolicyRun> policies) {
    }

    /**
     * One policy's group of workers forked from the same master. {@code gcCountBeforeFreeze} and
     * {@code longLivedAtFork} are the master's collector state right before this policy's
     * {@code gc.freeze()} (if any) and fork (null in reports of older probes).
     */
    public record PolicyRun(String policy, String gc, boolean freeze, String exit, long frozenObjects,
                            List<Long> gcCountAtFork, List<WorkerRun> workers, List<Long> gcCountBeforeFreeze,
                            LongLived longLivedAtFork) {
    }

    public record WorkerRun(long pid, PhaseFigures fork, PhaseFigures requests, PhaseFigures collect,
                            Shutdown shutdown) {
    }

    /**
     * smaps figures of a worker at a checkpoint, read by the master while the worker waited.
     *
     * @param uss         Private_Clean + Private_Dirty
     * @param collections collections per generation during the requests (requests phase only)
     */
    public record PhaseFigures(long rss, long pss, long uss, long sharedClean, long sharedDirty, long privateClean,
                               long privateDirty, long anonymous, long minorFaults, List<Long> gcCount,
                               List<Long> collections) {
    }

    /**
     * @param minorFaults pages faulted from the last checkpoint until the worker was a zombie: the
     *                    copies its exit made (and any fresh pages it touched)
     * @param finalized   smaps after Py_Finalize (stopped by the C-level exit hook); null under
     *                    os._exit, which never gets there
     */
    public record Shutdown(long minorFaults, PhaseFigures finalized, double seconds, int exitStatus) {
    }
}
