package dev.cowfleet.models.server;

import dev.cowfleet.models.heap.HeapImage;
import dev.cowfleet.models.heap.HeapLayout;
import dev.cowfleet.models.heap.InheritedGcState;
import dev.cowfleet.models.heap.MeasuredHeap;
import dev.cowfleet.models.heap.PageSize;
import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.runtime.ExitMode;
import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.models.runtime.GcPolicy;
import dev.cowfleet.models.runtime.GcThresholds;
import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.runtime.PythonVersion;
import dev.cowfleet.models.workload.CostModel;
import dev.cowfleet.models.workload.RequestProfile;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page-class model (binomial and hypergeometric draws on counts, requests in large batches)
 * must agree in distribution with {@link ReferenceWorker} (explicit pages, one request at a time),
 * early (40 requests), late (150) and after a normal exit, over {@value #SEEDS} seeds each:
 * <ul>
 *   <li>the pages copied in total (every source): mean and variance, since the model draws
 *       totals exactly;</li>
 *   <li>the pages copied by each source: mean, since the model attributes a drawn total to sources
 *       by their expected shares (Rao-Blackwellization); its per-source variance may only be lower
 *       than the reference's.</li>
 * </ul>
 *
 * <p>Tolerance. Means: |difference| <= 4.5 standard errors of the difference (two independent
 * samples of {@value #SEEDS}; a false alarm has probability ~1e-5 per comparison) plus 1% of the
 * mean and half a page, for the model's documented approximations (independent page hits where the
 * reference draws distinct objects; mean survival for pages a sweep reaches within a batch;
 * proportional rather than random split of a sweep over classes). Variances, when either exceeds 4
 * pages^2: ratio within [0.5, 2], about 5 standard errors of the log-ratio for {@value #SEEDS}
 * samples (sd ~ sqrt(4 / SEEDS)).
 */
class PageClassModelAgreesWithReferenceTest {
    private static final int SEEDS = 400;
    private static final long[] CHECKPOINTS = {40, 150};
    /** Column of the total over sources, after one column per source. */
    private static final int TOTAL = CopySource.values().length;
    private static final Map<String, SummaryStatistics[][][]> SAMPLES = new ConcurrentHashMap<>();

    @ParameterizedTest
    @ValueSource(strings = {"default", "freeze", "threshold0-exit", "immortalize", "incremental"})
    void totalsAgreeInMeanAndVariance(String scenario) {
        SummaryStatistics[][][] s = SAMPLES.computeIfAbsent(scenario, PageClassModelAgreesWithReferenceTest::sample);
        StringBuilder failures = new StringBuilder();
        for (int i = 0; i < s[0].length; i++) {
            String line = line(scenario, i, "total", s[0][i][TOTAL], s[1][i][TOTAL]);
            if (!meansAgree(s[0][i][TOTAL], s[1][i][TOTAL])) {
                failures.append("mean ").append(line);
            }
            double big = Math.max(s[0][i][TOTAL].getVariance(), s[1][i][TOTAL].getVariance());
            double small = Math.min(s[0][i][TOTAL].getVariance(), s[1][i][TOTAL].getVariance());
            if (big > 4 && big > 2 * small) {
                failures.append("variance ").append(line);
            }
        }
        assertTrue(failures.length() == 0, failures.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "freeze", "threshold0-exit", "immortalize", "incremental"})
    void perSourceMeansAgreeWithinStandardErrors(String scenario) {
        SummaryStatistics[][][] s = SAMPLES.computeIfAbsent(scenario, PageClassModelAgreesWithReferenceTest::sample);
        StringBuilder failures = new StringBuilder();
        for (int i = 0; i < s[0].length; i++) {
            for (CopySource source : CopySource.values()) {
                SummaryStatistics f = s[0][i][source.ordinal()];
                SummaryStatistics r = s[1][i][source.ordinal()];
                String line = line(scenario, i, source.key(), f, r);
                if (!meansAgree(f, r)) {
                    failures.append("mean ").append(line);
                }
                if (f.getVariance() > 4 && f.getVariance() > 2 * r.getVariance()) {
                    failures.append("variance above the reference's ").append(line);
                }
            }
        }
        assertTrue(failures.length() == 0, failures.toString());
    }

    private static boolean meansAgree(SummaryStatistics f, SummaryStatistics r) {
        double se = Math.sqrt(f.getVariance() / SEEDS + r.getVariance() / SEEDS);
        double allowed = 4.5 * se + 0.01 * Math.max(f.getMean(), r.getMean()) + 0.5;
        return Math.abs(f.getMean() - r.getMean()) <= allowed;
    }

    private static String line(String scenario, int i, String what, SummaryStatistics f, SummaryStatistics r) {
        String when = i < CHECKPOINTS.length ? "after " + CHECKPOINTS[i] + " requests" : "after exit";
        return String.format("%s %s %s: fast %.1f (var %.1f) vs reference %.1f (var %.1f)%n",
                scenario, when, what, f.getMean(), f.getVariance(), r.getMean(), r.getVariance());
    }

    /** [0 fast, 1 reference][checkpoint][source, then total]. */
    private static SummaryStatistics[][][] sample(String scenario) {
        WorkerPlan plan = plan(scenario);
        int checkpoints = CHECKPOINTS.length + 1;
        SummaryStatistics[][] fast = stats(checkpoints, TOTAL + 1);
        SummaryStatistics[][] reference = stats(checkpoints, TOTAL + 1);
        for (int seed = 0; seed < SEEDS; seed++) {
            RandomGenerator rf = new Well19937c(1000 + seed);
            Worker worker = Worker.fork(plan);
            long served = 0;
            for (int i = 0; i < CHECKPOINTS.length; i++) {
                worker.serve(CHECKPOINTS[i] - served, rf);
                served = CHECKPOINTS[i];
                record(fast[i], worker::copiedPages);
            }
            worker.exit(ExitKind.NORMAL, rf);
            record(fast[CHECKPOINTS.length], worker::copiedPages);

            RandomGenerator rr = new Well19937c(900_000 + seed);
            ReferenceWorker ref = new ReferenceWorker(plan, rr);
            served = 0;
            for (int i = 0; i < CHECKPOINTS.length; i++) {
                ref.serve(CHECKPOINTS[i] - served);
                served = CHECKPOINTS[i];
                record(reference[i], ref::copied);
            }
            ref.exitNormally();
            record(reference[CHECKPOINTS.length], ref::copied);
        }
        return new SummaryStatistics[][][] {fast, reference};
    }

    private static SummaryStatistics[][] stats(int checkpoints, int sources) {
        SummaryStatistics[][] s = new SummaryStatistics[checkpoints][sources];
        for (SummaryStatistics[] row : s) {
            for (int j = 0; j < sources; j++) {
                row[j] = new SummaryStatistics();
            }
        }
        return s;
    }

    private static void record(SummaryStatistics[] row, java.util.function.ToDoubleFunction<CopySource> copied) {
        double total = 0;
        for (CopySource s : CopySource.values()) {
            row[s.ordinal()].addValue(copied.applyAsDouble(s));
            total += copied.applyAsDouble(s);
        }
        row[TOTAL].addValue(total);
    }

    /**
     * A 2,000-page heap (8 MB) with 800 tracked pages, 12k tracked of 40k objects, 3% hot objects
     * scattered (0-7 per page), 10% free slots; requests touch 10 hot objects and mutate 2, allocate
     * 300 tracked objects of which 60 survive, with 20 KB garbage and 2 KB live growth. The
     * inherited counters put the first full collection near request 85.
     */
    static WorkerPlan plan(String scenario) {
        String version = switch (scenario) {
            case "freeze" -> "3.7";
            case "immortalize" -> "3.12";
            case "incremental" -> "3.14.0";
            default -> "3.6";
        };
        InterpreterProfile profile = InterpreterProfile.forVersion(PythonVersion.parse(version));
        MeasuredHeap measured = new MeasuredHeap(2000L * 4096, 800, 12_000, 40_000, 0, 0);
        InheritedGcState inherited = new InheritedGcState(100, 0, 10, 12_000, 2_800);
        HeapImage image = HeapImage.fromMeasured(measured, new HeapLayout(0.03, false, 0.10), inherited, profile,
                PageSize.SMALL_4K);
        GcPolicy policy = switch (scenario) {
            case "freeze" -> new GcPolicy(scenario, GcMode.ENABLED, null, true, false, false, ExitMode.NORMAL, 0, 0);
            case "threshold0-exit" -> new GcPolicy(scenario, GcMode.THRESHOLD0, null, false, false, false, ExitMode.OS_EXIT, 0, 0);
            case "immortalize" -> new GcPolicy(scenario, GcMode.ENABLED, null, true, false, true, ExitMode.NORMAL, 0, 0);
            case "incremental" -> new GcPolicy(scenario, GcMode.ENABLED, new GcThresholds(400, 10, 0), false, false, false,
                    ExitMode.NORMAL, 0, 0);
            default -> GcPolicy.defaults(scenario);
        };
        Master master = Master.prepare(image, profile, policy);
        RequestProfile request = new RequestProfile(0.01, 10, 2, 300, 60, 20_000, 2_000);
        return WorkerPlan.of(master, request, CostModel.defaults());
    }
}
