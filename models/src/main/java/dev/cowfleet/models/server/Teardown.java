package dev.cowfleet.models.server;

import dev.cowfleet.models.heap.PageClass;
import dev.cowfleet.models.heap.Residence;
import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.memory.Draws;
import dev.cowfleet.models.memory.PageLedger;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Module teardown at a normal exit: it decrefs and frees every non-immortal object it can reach, so
 * every still-clean page of a class holding mortal objects is copied (pages without objects are not:
 * teardown frees nothing there), except the pages of frozen
 * objects in reference cycles (and of the untracked objects they keep alive), which the never
 * collected permanent generation keeps alive.
 */
final class Teardown {
    /** What teardown copied and how many inherited objects it freed. */
    record Outcome(long copiedPages, double freedObjects) {
    }

    private Teardown() {
    }

    /**
     * Copies what teardown writes in {@code ledger}; a binomial share of each kept class's clean
     * pages stays clean. {@code ownFreedObjects}: the worker's own objects it frees besides.
     */
    static Outcome run(WorkerPlan plan, PageLedger ledger, double ownFreedObjects, RandomGenerator rng) {
        List<PageClass> classes = plan.master().classes();
        long copied = 0;
        double freed = ownFreedObjects;
        for (int c = 0; c < classes.size(); c++) {
            PageClass pc = classes.get(c);
            if (!pc.immortal() && pc.objectsPerPage() > 0) {
                double keptShare = keptByFrozenCycles(plan, pc.residence());
                long clean = ledger.clean(c);
                long kept = keptShare > 0 ? Draws.binomial(clean, keptShare, rng) : 0;
                copied += ledger.write(c, clean - kept, CopySource.SHUTDOWN);
                freed += pc.pages() * pc.objectsPerPage() * (1 - keptShare);
            }
        }
        return new Outcome(copied, freed);
    }

    /** The chance that teardown leaves a clean page of this residence alone because frozen cycles keep it alive. */
    private static double keptByFrozenCycles(WorkerPlan plan, Residence residence) {
        double share = plan.master().image().layout().frozenCyclicShare();
        long tracked = plan.master().image().trackedObjects();
        return switch (residence) {
            case FROZEN -> share;
            case UNTRACKED -> tracked == 0 ? 0
                    : share * (tracked - plan.master().collectableObjects()) / (double) tracked;
            default -> 0;
        };
    }

}
