package dev.cowfleet.models.heap;

/**
 * A set of exchangeable inherited pages: every page of the class is equally likely to be written by
 * each dirtying source, so a worker only needs to know how many of them are still clean.
 *
 * @param pages             pages in the class
 * @param objectsPerPage    inherited objects per page (teardown frees each)
 * @param trackedPerPage    GC-tracked objects per page (a collection visiting the page writes each header)
 * @param residence         the generation of those tracked objects at fork
 * @param hotObjectsPerPage objects per page in the set requests touch (an integer except in a lumped tail class)
 * @param freeSlotsPerPage  free pymalloc slots per page that the worker's allocations can fill
 * @param immortal          immortalized objects: requests and teardown do not write their refcounts
 */
public record PageClass(String label, long pages, double objectsPerPage, double trackedPerPage,
                        Residence residence, double hotObjectsPerPage, double freeSlotsPerPage, boolean immortal) {

    public boolean hasHoles() {
        return freeSlotsPerPage > 0;
    }

    public PageClass withResidence(Residence r) {
        return new PageClass(label, pages, objectsPerPage, trackedPerPage, r, hotObjectsPerPage, freeSlotsPerPage, immortal);
    }

    public PageClass withFreeSlotsPerPage(double slots) {
        return new PageClass(label, pages, objectsPerPage, trackedPerPage, residence, hotObjectsPerPage, slots, immortal);
    }

    public PageClass asImmortal() {
        return new PageClass(label, pages, objectsPerPage, trackedPerPage, residence, hotObjectsPerPage, freeSlotsPerPage, true);
    }
}
