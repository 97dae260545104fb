package dev.cowfleet.models.heap;

/** Pages of one residence before they are split by hot-object count and free slots. */
record Segment(String label, long pages, double objectsPerPage, double trackedPerPage, Residence residence) {
}
