package dev.cowfleet.models.server;

import dev.cowfleet.models.gc.Collector;
import dev.cowfleet.models.heap.PageClass;
import dev.cowfleet.models.heap.Residence;
import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.memory.PageLedger;

import java.util.List;

/**
 * The inherited pages a worker's collections write when they first reach the master's objects: the
 * first young collection writes generation 0's headers, the first gen-1 collection generation 1's,
 * the first full collection every collectable one. Later collections find those pages copied.
 */
final class FirstVisits {
    private FirstVisits() {
    }

    /** Whether a worker's first young, first gen-1 or first full collection (those given) writes the pages of a class of {@code r}. */
    static boolean writes(Residence r, boolean young, boolean middle, boolean full) {
        return (young && r == Residence.YOUNG0) || (middle && r == Residence.YOUNG1) || (full && r.visitedByFullCollection());
    }

    /** Writes the classes that collections in the batch just served reached for the first time; returns the pages copied. */
    static long write(List<PageClass> classes, PageLedger ledger, Collector collector, boolean youngBefore,
                      boolean middleBefore, boolean fullBefore) {
        if (youngBefore == collector.youngVisited() && middleBefore == collector.middleVisited()
                && fullBefore == collector.fullSinceFork()) {
            return 0;
        }
        long copied = 0;
        for (int c = 0; c < classes.size(); c++) {
            if (writes(classes.get(c).residence(), !youngBefore && collector.youngVisited(),
                    !middleBefore && collector.middleVisited(), !fullBefore && collector.fullSinceFork())) {
                copied += ledger.writeAll(c, CopySource.GC);
            }
        }
        return copied;
    }
}
