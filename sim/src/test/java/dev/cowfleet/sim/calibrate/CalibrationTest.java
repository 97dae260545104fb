package dev.cowfleet.sim.calibrate;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model against real forked workers: a small calibration on the oldest interpreter with
 * gc.freeze() (3.7+) and the newest one found, each cell within ±15% of the measurement. Kept small
 * (16 MiB synthetic heap, 2 workers, 100 requests, three policies) so both run in well under a minute.
 */
class CalibrationTest {
    private static final List<String> POLICIES = List.of("default", "default-exit", "freeze");

    @TestFactory
    Stream<DynamicTest> modelMatchesRealWorkers() {
        Assumptions.assumeTrue(Interpreters.linuxProc(), "no Linux /proc on this machine: nothing to measure");
        List<Path> found = Interpreters.found().stream()
                .filter(p -> !Interpreters.version(p).startsWith("3.6."))  // no gc.freeze() before 3.7
                .toList();
        Assumptions.assumeFalse(found.isEmpty(), "no CPython 3.7+ under " + Interpreters.PYENV_VERSIONS
                + ": calibration needs a real interpreter");
        List<Path> chosen = found.size() == 1 ? found : List.of(found.get(0), found.get(found.size() - 1));
        return chosen.stream().map(python -> DynamicTest.dynamicTest("Python " + Interpreters.version(python),
                () -> check(Calibration.run(options(python)))));
    }

    /**
     * The straddle: the probe's own gc.freeze() (the frozen-share worker) zeroes the master's three
     * counts after the heap survey read them, so the default workers inherit count2 = 0 and run no full
     * collection in 50 requests. Given the survey's counts (count2 = 8 here) the model put one inside
     * them and predicted the requests cell at +127%; given the counts measured right before the fork,
     * it is within 15%.
     */
    @org.junit.jupiter.api.Test
    void theModelIsGivenTheCollectorStateTheWorkersInheritedAndTheHotSetsPages() {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Interpreters.linuxProc() && python.toFile().canExecute(), "needs /usr/bin/python3 and /proc");
        CalibrationReport report = Calibration.run(CalibrationOptions.defaults(python).withWorkers(1).withRequests(50)
                .withPolicies(List.of("default")));
        ProbeReport.PolicyRun run = report.probe().experiment().policies().get(0);
        assertTrue(run.gcCountBeforeFreeze() != null && run.longLivedAtFork() != null, run.toString());
        InheritedCounters given = InheritedCounters.of(report.probe(), run);
        assertTrue(given.count2() == run.gcCountBeforeFreeze().get(2), given.toString());
        List<String> misses = new ArrayList<>();
        expectWithin(report, "default", Phase.REQUESTS, "private memory after 50 requests", misses);
        assertTrue(misses.isEmpty(), String.join("\n", misses) + "\n" + CalibrationTable.render(report));
        // The synthetic request's hot set comes from its measured copy curve, not from the objects the
        // probe chose: told those, the model scattered them ~1 per page where they sit ~1.2 per page and
        // over-predicted this cell by 13%.
        assertTrue(report.inputs().get("heap.hotObjects").startsWith("inherited pages copied"), report.inputs().toString());
        CalibrationCell requests = report.cell("default", Phase.REQUESTS).orElseThrow();
        assertTrue(Math.abs(requests.relativeError()) <= 0.10, CalibrationTable.render(report));
    }

    static CalibrationOptions options(Path python) {
        return CalibrationOptions.defaults(python).withSyntheticMiB(16).withWorkers(2).withRequests(100)
                .withPolicies(POLICIES);
    }

    private static void check(CalibrationReport report) {
        List<String> misses = new ArrayList<>();
        expectWithin(report, "default", Phase.COLLECT, "private memory after an explicit full collection", misses);
        expectWithin(report, "freeze", Phase.COLLECT, "the same under gc.freeze()", misses);
        expectWithin(report, "default", Phase.SHUTDOWN, "shutdown copying with a normal exit", misses);
        expectWithin(report, "default-exit", Phase.SHUTDOWN, "shutdown copying with os._exit", misses);
        assertTrue(misses.isEmpty(), String.join("\n", misses) + "\n" + CalibrationTable.render(report));
    }

    private static void expectWithin(CalibrationReport report, String policy, Phase phase, String what,
                                     List<String> misses) {
        CalibrationCell cell = report.cell(policy, phase).orElseThrow();
        if (!cell.within(report.tolerance())) {
            misses.add(String.format("Python %s, %s (%s/%s): measured %.1f MiB, predicted %.1f MiB (%+.0f%%)",
                    report.python(), what, policy, phase.key(), cell.measuredPrivateMiB(),
                    cell.predictedPrivateMiB(), 100 * cell.relativeError()));
        }
    }
}
