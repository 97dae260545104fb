package dev.cowfleet.sim.calibrate;

import dev.cowfleet.models.heap.HeapImage;
import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.server.ExitKind;
import dev.cowfleet.models.server.Master;
import dev.cowfleet.models.server.Worker;
import dev.cowfleet.models.workload.CostModel;
import dev.cowfleet.models.workload.RequestProfile;
import org.apache.commons.math3.random.MersenneTwister;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays the probe's experiment in the model and compares, per policy and phase, the workers' mean
 * private memory (USS).
 *
 * <ul>
 *   <li>requests: a model worker serves the probe's requests; measured is the USS after them;</li>
 *   <li>collect: a second model worker whose policy adds an explicit {@code gc.collect()} at the last
 *       of those requests (the probe runs it right after them); measured is the USS after it;</li>
 *   <li>shutdown: that worker exits normally (the policy's exit mode applies); measured is the USS
 *       before the exit plus every page the worker faulted in while exiting (read from its
 *       {@code /proc/PID/stat} once it was a zombie), i.e. what it held plus what its exit copied.</li>
 * </ul>
 */
final class Predictor {
    private static final double MIB = 1024.0 * 1024.0;
    private static final long PAGE = 4096;

    private final ProbeReport probe;
    private final ModelSetup setup;
    private final long seed;

    Predictor(ProbeReport probe, long seed) {
        this.probe = probe;
        this.setup = new ModelSetup(probe);
        this.seed = seed;
    }

    List<CalibrationCell> cells() {
        List<CalibrationCell> cells = new ArrayList<>();
        for (ProbeReport.PolicyRun run : probe.experiment().policies()) {
            cells.addAll(cells(run));
        }
        return cells;
    }

    private List<CalibrationCell> cells(ProbeReport.PolicyRun run) {
        String python = probe.python().version();
        long requests = probe.experiment().requests();
        HeapImage image = setup.image(run);
        RequestProfile request = setup.request(image);
        CostModel costs = setup.costs(run);

        Worker served = Worker.fork(master(image, run, 0), request, costs);
        served.serve(requests, new MersenneTwister(seed));
        Map<CopySource, Long> atRequests = copied(served);
        long ownAtRequests = served.ownHeapBytes();

        Worker collected = Worker.fork(master(image, run, requests), request, costs);
        collected.serve(requests, new MersenneTwister(seed));
        Map<CopySource, Long> atCollect = copied(collected);
        long beforeExit = collected.privateBytes();
        long ownBeforeExit = collected.ownHeapBytes();
        collected.exit(ExitKind.NORMAL, new MersenneTwister(seed + 1));
        Map<CopySource, Long> atShutdown = copied(collected);
        long afterExit = collected.privateBytes();
        long ownAfterExit = collected.ownHeapBytes();

        List<ProbeReport.WorkerRun> workers = run.workers();
        double forkFaults = mean(workers, w -> w.fork().minorFaults());
        double requestFaults = mean(workers, w -> w.requests().minorFaults());
        double collectFaults = mean(workers, w -> w.collect().minorFaults());
        double exitFaults = mean(workers, w -> w.shutdown().minorFaults());
        double forkUss = mean(workers, w -> w.fork().uss());
        double requestsUss = mean(workers, w -> w.requests().uss());
        double collectUss = mean(workers, w -> w.collect().uss());

        // The collect worker replays the served worker's requests with the same draws, so the served
        // worker's state is where the collect phase starts.
        return List.of(
                CalibrationCell.of(python, run.policy(), Phase.REQUESTS, requestsUss / MIB,
                        served.privateBytes() / MIB, requestFaults - forkFaults, delta(Map.of(), atRequests),
                        forkUss / MIB, ownAtRequests / MIB),
                CalibrationCell.of(python, run.policy(), Phase.COLLECT, collectUss / MIB,
                        beforeExit / MIB, collectFaults - requestFaults, delta(atRequests, atCollect),
                        requestsUss / MIB, (ownBeforeExit - ownAtRequests) / MIB),
                CalibrationCell.of(python, run.policy(), Phase.SHUTDOWN, (collectUss + exitFaults * PAGE) / MIB,
                        afterExit / MIB, exitFaults, delta(atCollect, atShutdown),
                        collectUss / MIB, (ownAfterExit - ownBeforeExit) / MIB));
    }

    private Master master(HeapImage image, ProbeReport.PolicyRun run, long explicitCollectAfter) {
        return Master.prepare(image, setup.profile(), setup.policy(run, explicitCollectAfter));
    }

    private static Map<CopySource, Long> copied(Worker worker) {
        Map<CopySource, Long> pages = new EnumMap<>(CopySource.class);
        for (CopySource s : CopySource.values()) {
            pages.put(s, Math.round(worker.copiedPages(s))); // attributions are expected, so fractional
        }
        return pages;
    }

    private static Map<String, Long> delta(Map<CopySource, Long> before, Map<CopySource, Long> after) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (CopySource s : CopySource.values()) {
            out.put(s.key(), after.get(s) - before.getOrDefault(s, 0L));
        }
        return out;
    }

    private static double mean(List<ProbeReport.WorkerRun> workers,
                               java.util.function.ToDoubleFunction<ProbeReport.WorkerRun> figure) {
        return workers.stream().mapToDouble(figure).average().orElseThrow();
    }
}
