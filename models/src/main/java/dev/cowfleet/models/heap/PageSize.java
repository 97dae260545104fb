package dev.cowfleet.models.heap;

/**
 * The unit copy-on-write copies. Before Linux 5.8 a write to an anonymous transparent huge page
 * copied all 2 MiB; since 5.8 the huge page is split and only 4 KiB is copied.
 */
public enum PageSize {
    SMALL_4K(4096),
    HUGE_2M(2L * 1024 * 1024);

    private final long bytes;

    PageSize(long bytes) {
        this.bytes = bytes;
    }

    public long bytes() {
        return bytes;
    }

    /** How many 4 KiB pages one page of this size spans. */
    public int smallPagesPerPage() {
        return (int) (bytes / SMALL_4K.bytes);
    }
}
