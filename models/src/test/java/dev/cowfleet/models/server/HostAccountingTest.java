package dev.cowfleet.models.server;

import dev.cowfleet.models.heap.HeapImage;
import dev.cowfleet.models.heap.HeapLayout;
import dev.cowfleet.models.heap.InheritedGcState;
import dev.cowfleet.models.heap.MeasuredHeap;
import dev.cowfleet.models.heap.PageSize;
import dev.cowfleet.models.memory.Smaps;
import dev.cowfleet.models.runtime.GcPolicy;
import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.runtime.PythonVersion;
import dev.cowfleet.models.workload.CostModel;
import dev.cowfleet.models.workload.RequestProfile;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostAccountingTest {
    private static final InterpreterProfile PY36 = InterpreterProfile.forVersion(PythonVersion.parse("3.6"));

    private static Master master() {
        HeapImage image = HeapImage.fromMeasured(new MeasuredHeap(5000L * 4096, 2000, 30_000, 100_000, 0, 0),
                new HeapLayout(0.02, false, 0.03), new InheritedGcState(300, 5, 10, 30_000, 7000), PY36,
                PageSize.SMALL_4K);
        return Master.prepare(image, PY36, GcPolicy.defaults("default"));
    }

    @Test
    void sumOfPssIsTheMasterPlusEveryWorkersPrivateBytesExactly() {
        Master master = master();
        WorkerPlan plan = WorkerPlan.of(master, new RequestProfile(0.01, 50, 2, 1000, 20, 50_000, 500),
                new CostModel(20e-6, 20e-9, 60e-9, 12L << 20));
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Worker w = Worker.fork(plan);
            w.serve(1 + 37L * i, new Well19937c(i));
            workers.add(w);
        }
        List<Smaps> smaps = HostAccounting.smaps(master, workers);
        assertEquals(8, smaps.size());
        long pss = 0;
        for (Smaps s : smaps) {
            pss += s.pss();
            assertEquals(s.uss(), s.privateBytes());
            assertEquals(s.rss(), s.uss() + s.shared());
            assertTrue(s.pss() >= s.uss() && s.pss() <= s.rss(), "USS <= PSS <= RSS: " + s);
        }
        assertEquals(HostAccounting.physicalBytes(master, workers), pss);
        assertEquals(master.masterBytes(), smaps.get(0).rss());
        for (int i = 0; i < workers.size(); i++) {
            assertEquals(workers.get(i).privateBytes(), smaps.get(i + 1).uss());
            assertEquals(workers.get(i).sharedBytes(), smaps.get(i + 1).shared());
        }
    }

    @Test
    void freshForksSplitEveryPageEvenly() {
        Master master = master();
        WorkerPlan plan = WorkerPlan.of(master, new RequestProfile(0.01, 0, 0, 0, 0, 0, 0),
                new CostModel(20e-6, 20e-9, 60e-9, 0));
        List<Worker> workers = List.of(Worker.fork(plan), Worker.fork(plan), Worker.fork(plan), Worker.fork(plan));
        List<Smaps> smaps = HostAccounting.smaps(master, workers);
        for (Smaps s : smaps) {
            // whole bytes per class and process; the remainders go to the master
            assertEquals(master.masterBytes() / 5.0, s.pss(), 5.0 * master.classes().size());
        }
        assertEquals(master.masterBytes(), smaps.get(0).shared(), "every master page is still shared");
        assertEquals(0, smaps.get(0).uss());
    }
}
