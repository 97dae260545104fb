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
 *
 * <p>Which classes teardown writes, the share of each that frozen cycles keep, and the objects it
 * frees there are the same at every exit of a plan's workers, so they are worked out once per plan.
 */
final class Teardown {
    /** What teardown copied and how many inherited objects it freed. */
    record Outcome(long copiedPages, double freedObjects) {
    }

    /** The classes teardown writes (mortal objects on their pages), in class order. */
    private final int[] written;
    /** Per written class: the chance that frozen cycles keep a clean page alive. */
    private final double[] keptShare;
    /** Per written class: the inherited objects teardown frees there. */
    private final double[] freedObjects;

    Teardown(Master master) {
        List<PageClass> classes = master.classes();
        int n = 0;
        for (PageClass pc : classes) {
            n += writes(pc) ? 1 : 0;
        }
        written = new int[n];
        keptShare = new double[n];
        freedObjects = new double[n];
        int i = 0;
        for (int c = 0; c < classes.size(); c++) {
            PageClass pc = classes.get(c);
            if (writes(pc)) {
                written[i] = c;
                keptShare[i] = keptByFrozenCycles(master, pc.residence());
                freedObjects[i] = pc.pages() * pc.objectsPerPage() * (1 - keptShare[i]);
                i++;
            }
        }
    }

    private static boolean writes(PageClass pc) {
        return !pc.immortal() && pc.objectsPerPage() > 0;
    }

    /**
     * Copies what teardown writes in {@code ledger}; a binomial share of each kept class's clean
     * pages stays clean. {@code ownFreedObjects}: the worker's own objects it frees besides.
     */
    Outcome run(PageLedger ledger, double ownFreedObjects, RandomGenerator rng) {
        long copied = 0;
        double freed = ownFreedObjects;
        for (int i = 0; i < written.length; i++) {
            int c = written[i];
            long clean = ledger.clean(c);
            long kept = keptShare[i] > 0 ? Draws.binomial(clean, keptShare[i], rng) : 0;
            copied += ledger.write(c, clean - kept, CopySource.SHUTDOWN);
            freed += freedObjects[i];
        }
        return new Outcome(copied, freed);
    }

    /** The chance that teardown leaves a clean page of this residence alone because frozen cycles keep it alive. */
    private static double keptByFrozenCycles(Master master, Residence residence) {
        double share = master.image().layout().frozenCyclicShare();
        long tracked = master.image().trackedObjects();
        return switch (residence) {
            case FROZEN -> share;
            case UNTRACKED -> tracked == 0 ? 0
                    : share * (tracked - master.collectableObjects()) / (double) tracked;
            default -> 0;
        };
    }
}
