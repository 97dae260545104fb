package dev.cowfleet.models.server;

import dev.cowfleet.models.heap.HeapImage;
import dev.cowfleet.models.heap.HeapLayout;
import dev.cowfleet.models.heap.InheritedGcState;
import dev.cowfleet.models.heap.MeasuredHeap;
import dev.cowfleet.models.heap.PageSize;
import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.memory.Smaps;
import dev.cowfleet.models.runtime.ExitMode;
import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.models.runtime.GcPolicy;
import dev.cowfleet.models.runtime.GcThresholds;
import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.runtime.PythonVersion;
import dev.cowfleet.models.workload.CostModel;
import dev.cowfleet.models.workload.RequestProfile;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random versions, policies, heaps, page sizes and workloads, served in random batch sizes: page
 * conservation, monotone copies, milestones that come true, and the host's PSS identity.
 */
class WorkerInvariantsTest {
    private static final String[] VERSIONS = {"3.6", "3.7.2", "3.9", "3.12", "3.13", "3.14.1", "3.14.5"};

    @Test
    void invariantsHoldOverRandomConfigurations() {
        Random random = new Random(42);
        for (int config = 0; config < 150; config++) {
            InterpreterProfile profile = InterpreterProfile.forVersion(PythonVersion.parse(VERSIONS[random.nextInt(VERSIONS.length)]));
            GcPolicy policy = randomPolicy(random, profile);
            long pages = 500 + random.nextInt(5000);
            long tracked = pages * (1 + random.nextInt(20));
            long trackedPages = Math.min(pages, Math.max(1, (long) (pages * random.nextDouble())));
            long total = tracked + pages * random.nextInt(40);
            long frozen = random.nextInt(4) == 0 ? (long) (tracked * random.nextDouble()) : 0;
            InheritedGcState counters = new InheritedGcState(random.nextInt(3000), random.nextInt(12), random.nextInt(12),
                    tracked, (long) (tracked * 0.3 * random.nextDouble()));
            PageSize size = random.nextInt(5) == 0 ? PageSize.HUGE_2M : PageSize.SMALL_4K;
            HeapImage image = HeapImage.fromMeasured(new MeasuredHeap(pages * 4096, trackedPages, tracked, total, frozen, 0),
                    new HeapLayout(random.nextDouble() * 0.05, random.nextBoolean(), random.nextDouble() * 0.05),
                    counters, profile, size);
            Master master = Master.prepare(image, profile, policy);
            long hot = master.image().hotObjects();
            long peak = random.nextInt(5000);
            RequestProfile request = new RequestProfile(0.01, hot == 0 ? 0 : random.nextInt((int) Math.min(hot, 5000) + 1),
                    hot == 0 ? 0 : random.nextInt((int) Math.min(hot, 10) + 1), peak, (long) (peak * 0.1 * random.nextDouble()),
                    random.nextInt(300_000), random.nextInt(3000));
            WorkerPlan plan = WorkerPlan.of(master, request, new CostModel(20e-6, 20e-9, 60e-9, 1 << 20));
            String where = "config " + config + " " + profile.id() + " " + policy.describe() + " " + size;
            List<Worker> workers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                Worker worker = Worker.fork(plan);
                workers.add(worker);
                exercise(worker, random, master, where);
            }
            long pss = 0;
            for (Smaps s : HostAccounting.smaps(master, workers)) {
                pss += s.pss();
            }
            assertEquals(HostAccounting.physicalBytes(master, workers), pss, where);
            Worker last = workers.get(2);
            long sharedBefore = last.sharedBytes();
            ShutdownOutcome out = last.exit(random.nextBoolean() ? ExitKind.NORMAL : ExitKind.SIGKILL, new Well19937c(config));
            assertEquals(sharedBefore - last.sharedBytes(), out.pagesCopied() * master.pageBytes(), where);
            assertTrue(out.cpuSeconds() >= 0 && out.durationSeconds() == out.cpuSeconds(), where);
        }
    }

    private static void exercise(Worker worker, Random random, Master master, String where) {
        Well19937c rng = new Well19937c(random.nextLong());
        long previousCopies = 0;
        for (int step = 0; step < 12; step++) {
            long untilFull = worker.requestsUntilNextFullCollection();
            long fullBefore = worker.fullCollections();
            boolean predictable = worker.requestsUntilGcReenabled() == Long.MAX_VALUE;
            long k = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 1 + random.nextInt(random.nextBoolean() ? 100 : 100_000);
            worker.serve(k, rng);
            long copies = worker.copiedPagesTotal();
            double attributed = 0;
            for (CopySource s : CopySource.values()) {
                assertTrue(worker.copiedPages(s) >= -1e-9, where + ": no source has negative copies");
                attributed += worker.copiedPages(s);
            }
            assertEquals(copies, attributed, 1e-9 * Math.max(1, copies), where + ": attributions add up to the drawn total");
            assertTrue(copies >= previousCopies, where + ": copies never decrease");
            previousCopies = copies;
            assertEquals(master.masterBytes(), worker.sharedBytes() + copies * master.pageBytes(), where + ": pages conserved");
            long clean = 0;
            for (long c : worker.cleanPagesByClass()) {
                assertTrue(c >= 0, where);
                clean += c;
            }
            assertEquals(worker.sharedBytes(), clean * master.pageBytes(), where);
            if (predictable && untilFull != Long.MAX_VALUE) {
                assertEquals(untilFull <= k, worker.fullCollections() > fullBefore,
                        where + ": a full collection happens exactly when predicted (" + untilFull + " vs batch " + k + ")");
            }
            for (CpuUse use : CpuUse.values()) {
                assertTrue(worker.cpuSeconds(use) >= 0, where);
            }
        }
    }

    private static GcPolicy randomPolicy(Random random, InterpreterProfile profile) {
        GcMode mode = GcMode.values()[random.nextInt(3)];
        boolean freeze = profile.supportsFreeze() && random.nextInt(3) == 0;
        boolean immortalize = profile.supportsImmortalize() && random.nextInt(4) == 0;
        GcThresholds thresholds = random.nextInt(4) == 0
                ? new GcThresholds(1 + random.nextInt(5000), random.nextInt(12), random.nextInt(12)) : null;
        long library = mode == GcMode.ENABLED || random.nextBoolean() ? 0 : 1 + random.nextInt(500);
        long explicit = random.nextInt(4) == 0 ? 1 + random.nextInt(1000) : 0;
        return new GcPolicy("random", mode, thresholds, freeze || immortalize,
                random.nextInt(4) == 0 && (freeze || immortalize), immortalize,
                random.nextBoolean() ? ExitMode.NORMAL : ExitMode.OS_EXIT, library, explicit);
    }
}
