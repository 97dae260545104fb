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

    /** Writes the classes that collections in the batch just served reached for the first time; returns the pages copied. */
    static long write(List<PageClass> classes, PageLedger ledger, Collector collector, boolean youngBefore,
                      boolean middleBefore, boolean fullBefore) {
        if (youngBefore == collector.youngVisited() && middleBefore == collector.middleVisited()
                && fullBefore == collector.fullSinceFork()) {
            return 0;
        }
        long copied = 0;
        for (int c = 0; c < classes.size(); c++) {
            Residence r = classes.get(c).residence();
            boolean written = (!fullBefore && collector.fullSinceFork() && r.visitedByFullCollection())
                    || (!youngBefore && collector.youngVisited() && r == Residence.YOUNG0)
                    || (!middleBefore && collector.middleVisited() && r == Residence.YOUNG1);
            if (written) {
                copied += ledger.writeAll(c, CopySource.GC);
            }
        }
        return copied;
    }
}
