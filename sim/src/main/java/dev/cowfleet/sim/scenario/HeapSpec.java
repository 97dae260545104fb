package dev.cowfleet.sim.scenario;

/**
 * The master's heap at fork.
 *
 * @param contents       measured totals or a composition of object kinds
 * @param hotObjects     fraction of inherited objects that requests touch frequently
 * @param hotLayout      whether those objects are scattered over the heap or clustered on few pages
 * @param freeSlots      fraction of small-object slots in inherited pools that are free (allocator reuse)
 * @param frozenCyclicShare share of frozen objects' pages that a normal exit leaves clean (cycles
 *                       in the permanent generation are never freed)
 * @param gcCounters     the collector state at fork
 */
public record HeapSpec(HeapContents contents, double hotObjects, HotLayout hotLayout, double freeSlots,
                       double frozenCyclicShare, GcCountersSpec gcCounters) {

    /** How hot objects lie on the heap's pages. */
    public enum HotLayout { SCATTERED, CLUSTERED }
}
