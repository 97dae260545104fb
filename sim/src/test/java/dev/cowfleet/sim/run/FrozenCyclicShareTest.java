package dev.cowfleet.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.models.heap.PageClass;
import dev.cowfleet.models.heap.Residence;
import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.server.ExitKind;
import dev.cowfleet.models.server.Worker;
import dev.cowfleet.models.server.WorkerPlan;
import dev.cowfleet.sim.host.HostPlan;
import dev.cowfleet.sim.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * heap.frozenCyclicShare reaches the model: a frozen worker's normal exit copies every page it still
 * shares when no frozen object sits in a cycle (0%), and leaves the frozen pages (and a share of the
 * untracked ones) clean when all do (100%). scenarios/freeze-2017.yaml, policy freeze.
 */
class FrozenCyclicShareTest {

    private static long[] shutdown(String share) {
        Scenario scenario = ScenarioSource.read(Path.of("..", "scenarios", "freeze-2017.yaml"),
                List.of("heap.frozenCyclicShare=" + share)).load();
        HostPlan plan = HostPlans.plan(scenario, scenario.policies().stream()
                .filter(p -> p.name().equals("freeze")).findFirst().orElseThrow());
        Worker worker = Worker.fork(WorkerPlan.of(plan.master(), plan.request(), plan.costs()));
        Well19937c rng = new Well19937c(11);
        worker.serve(200, rng);
        long clean = worker.sharedBytes() / plan.master().pageBytes();
        long cleanOutsideKeptClasses = 0;
        List<PageClass> classes = plan.master().classes();
        for (int c = 0; c < classes.size(); c++) {
            Residence r = classes.get(c).residence();
            if (r != Residence.FROZEN && r != Residence.UNTRACKED) {
                cleanOutsideKeptClasses += worker.cleanPages(c);
            }
        }
        worker.exit(ExitKind.NORMAL, rng);
        return new long[] {clean, Math.round(worker.copiedPages(CopySource.SHUTDOWN)), cleanOutsideKeptClasses};
    }

    @Test
    void noCyclesCopyEverythingAndAllCyclesKeepTheFrozenPagesClean() {
        long[] none = shutdown("0%");
        assertEquals(none[0], none[1], "with no frozen cycles teardown frees, and so copies, every shared page");
        long[] all = shutdown("100%");
        assertTrue(all[1] < none[1] / 2, "frozen pages stay clean: " + all[1] + " of " + all[0]);
        assertTrue(all[1] >= all[2], "pages of other classes are still copied: " + all[1] + " vs " + all[2]);
    }
}
