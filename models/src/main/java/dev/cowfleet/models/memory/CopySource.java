package dev.cowfleet.models.memory;

/**
 * Why a worker copied an inherited page (PRIMER section 2). Every copied page is attributed to
 * exactly one source: the first write that hit it while it was still shared.
 */
public enum CopySource {
    /** {@code ob_refcnt} writes by request code using inherited objects. */
    REFCOUNT("refcount"),
    /** {@code PyGC_Head} writes by a collection (or an incremental step) visiting inherited objects. */
    GC("gc"),
    /** pymalloc handing out free slots in pools inherited from the master. */
    ALLOCATOR("allocator"),
    /** Application writes to inherited objects: caches, module globals, class attributes. */
    MUTATION("mutation"),
    /** {@code Py_Finalize}: the final collection, then module teardown freeing objects. */
    SHUTDOWN("shutdown");

    private final String key;

    CopySource(String key) {
        this.key = key;
    }

    /** The lower-case name used in summary.json and CSV columns. */
    public String key() {
        return key;
    }
}
