package dev.cowfleet.sim.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cowfleet.models.server.ExitKind;
import dev.cowfleet.models.server.WorkerPlan;
import dev.cowfleet.sim.run.HostPlans;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.PolicySpec;
import dev.cowfleet.sim.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The tally's running total must stay what adding up every slot's worker gives at each moment the
 * out-of-memory killer could look, whatever mix of forks (in reused storage), serves and exits of
 * either kind led there.
 */
class PrivateMemoryTallyTest {
    private static final int SLOTS = 6;
    private static final int STEPS = 3_000;

    /** Policies with and without GC, with teardown at exit (a copy the exit must count) and os._exit. */
    private static final List<String> SCENARIOS = List.of("recycling.yaml", "instagram-2017.yaml");

    @Test
    void runningTotalEqualsTheSumOverSlotsAfterRandomForksServesAndExits() {
        for (String file : SCENARIOS) {
            Scenario scenario = ScenarioSource.read(Path.of("..", "scenarios", file), List.of()).load();
            for (PolicySpec policy : scenario.policies()) {
                HostPlan plan = HostPlans.plan(scenario, policy);
                checkRandomHistory(plan, file + " " + policy.name(), new Well19937c(policy.name().hashCode()));
            }
        }
    }

    private static void checkRandomHistory(HostPlan plan, String policy, RandomGenerator choices) {
        WorkerPlan workerPlan = WorkerPlan.of(plan.master(), plan.request(), plan.costs());
        long masterBytes = plan.master().masterBytes();
        PrivateMemoryTally tally = new PrivateMemoryTally(masterBytes, SLOTS);
        WorkerSlot[] slots = new WorkerSlot[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new WorkerSlot(i, new Well19937c(10 + i), new Well19937c(20 + i), new Well19937c(30 + i),
                    new Well19937c(40 + i), i);
            slots[i].worker = tally.fork(slots[i], workerPlan);
            slots[i].state = WorkerSlot.State.RUNNING;
        }
        assertEquals(directSum(masterBytes, slots), tally.atExitPeak(), policy + " after the first forks");
        for (int step = 0; step < STEPS; step++) {
            WorkerSlot slot = slots[choices.nextInt(SLOTS)];
            String what;
            if (slot.state != WorkerSlot.State.RUNNING) {
                slot.worker = tally.fork(slot, workerPlan);
                slot.state = WorkerSlot.State.RUNNING;
                what = "fork";
            } else if (choices.nextDouble() < 0.9) {
                // mostly a few requests, sometimes a long stretch that crosses collections
                tally.serve(slot, choices.nextDouble() < 0.9 ? 1 + choices.nextInt(20) : 1 + choices.nextInt(3_000));
                what = "serve";
            } else {
                ExitKind kind = choices.nextBoolean() ? ExitKind.NORMAL : ExitKind.SIGKILL;
                tally.exit(slot, kind);
                slot.state = WorkerSlot.State.EXITING;
                what = kind + " exit";
            }
            assertEquals(directSum(masterBytes, slots), tally.atExitPeak(),
                    policy + ": step " + step + ", " + what + " of slot " + slot.index);
        }
    }

    /** What the host holds at the exit peak, added up afresh: the master and every slot's worker whole. */
    private static double directSum(long masterBytes, WorkerSlot[] slots) {
        double total = masterBytes;
        for (WorkerSlot slot : slots) {
            total += slot.worker.privateBytes();
        }
        return total;
    }
}
