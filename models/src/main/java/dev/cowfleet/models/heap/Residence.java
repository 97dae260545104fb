package dev.cowfleet.models.heap;

/**
 * Where the GC-tracked headers on a page live at fork, which decides which collections write them.
 * A page is given the youngest generation it holds objects of.
 */
public enum Residence {
    /** No tracked object: collections never write the page. */
    UNTRACKED,
    /** Holds objects still in generation 0 at fork (the master's {@code count0} objects). */
    YOUNG0,
    /** Holds objects in generation 1 at fork. */
    YOUNG1,
    /** Holds objects of the oldest generation: only full collections (or 3.14 increments) write it. */
    OLD,
    /** Only frozen objects (permanent generation): no collection visits it. */
    FROZEN;

    /** Whether a full collection writes the headers on such a page. */
    public boolean visitedByFullCollection() {
        return this == YOUNG0 || this == YOUNG1 || this == OLD;
    }
}
