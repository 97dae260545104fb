package dev.cowfleet.sim.scenario;

/**
 * A heap described by what was measured on a real master after preload: the {@code heap.measured} section.
 *
 * @param heapBytes           the master's heap size
 * @param trackedPageFraction fraction of the heap's 4 KiB pages holding at least one GC-tracked header
 *                            (a page count in the file is converted with heapBytes / 4 KiB)
 * @param trackedObjects      GC-tracked objects
 * @param totalObjects        all objects, tracked or not
 * @param frozenObjects       objects already in the permanent generation ({@code gc.freeze()})
 * @param mainObjects         objects owned by {@code __main__}, freed last at teardown
 * @param nonObjectBytes      the part of the heap holding no Python object (free pymalloc pools, C heap)
 */
public record MeasuredHeapSpec(long heapBytes, double trackedPageFraction, long trackedObjects, long totalObjects,
                               long frozenObjects, long mainObjects, long nonObjectBytes) implements HeapSpec.Contents {

    /** Measured page counts are of 4 KiB pages, what /proc/PID/pagemap and smaps count. */
    private static final long PAGE_BYTES = 4096;
    private static final ValueKind<TrackedPages> TRACKED_PAGES_KIND = Kinds.scalar(
            "a fraction of heap pages like 60% or a page count like 38k", TrackedPages::parse, TrackedPages::format,
            UnitSchemas.anyOf(UnitSchemas.FRACTION, UnitSchemas.COUNT));

    static final Keys KEYS = new Keys();
    static final Key.Value<Long> HEAP_SIZE = KEYS.required("heapSize", Kinds.SIZE,
            "The preloaded heap a worker inherits: the Anonymous memory of a worker right after fork "
                    + "(what cowfleet calibrate writes).");
    private static final Key.Value<TrackedPages> TRACKED_PAGES = KEYS.required("trackedPages",
            TRACKED_PAGES_KIND, "Heap pages holding at least one GC-tracked object, as a share or a count of 4 KiB "
                    + "pages.");
    private static final Key.Value<Long> TRACKED_OBJECTS = KEYS.required("trackedObjects", Kinds.COUNT,
            "Objects the cyclic GC tracks in the master (len(gc.get_objects())).");
    private static final Key.Value<Long> TOTAL_OBJECTS = KEYS.required("totalObjects", Kinds.COUNT,
            "All objects in the master's heap, tracked or not.");
    private static final Key.Value<Long> FROZEN_OBJECTS = KEYS.optional("frozenObjects", Kinds.COUNT, 0L,
            "Objects already frozen by gc.freeze() in the master (gc.get_freeze_count()).");
    private static final Key.Value<Long> MAIN_OBJECTS = KEYS.optional("mainObjects", Kinds.COUNT, 0L,
            "Objects created by the main module rather than imports.");
    private static final Key.Value<Long> NON_OBJECT_SIZE = KEYS.optional("nonObjectSize", Kinds.SIZE, 0L,
            "Part of heapSize that is not Python objects (free pymalloc pools and arenas, C-library heap, "
                    + "anonymous mmaps): copied only by what touches it, never by collections or teardown.");

    static MeasuredHeapSpec read(Section s) {
        long heapBytes = s.required(HEAP_SIZE);
        if (heapBytes < PAGE_BYTES) {
            throw s.fail(HEAP_SIZE, "expected a heap of at least 4KiB, got " + Units.formatSize(heapBytes));
        }
        TrackedPages trackedPages = s.required(TRACKED_PAGES);
        long heapPages = heapBytes / PAGE_BYTES;
        if (!trackedPages.isFraction() && trackedPages.value() > heapPages) {
            throw s.fail(TRACKED_PAGES, Units.formatCount((long) trackedPages.value())
                    + " pages exceed the heap's " + heapPages + " pages of 4KiB");
        }
        double trackedFraction = trackedPages.isFraction() ? trackedPages.value() : trackedPages.value() / heapPages;
        long tracked = s.required(TRACKED_OBJECTS);
        long total = s.required(TOTAL_OBJECTS);
        if (total < 1) {
            throw s.fail(TOTAL_OBJECTS, "expected at least 1 object, got 0");
        }
        if (tracked > total) {
            throw s.fail(TRACKED_OBJECTS, Units.formatCount(tracked) + " tracked objects exceed totalObjects "
                    + Units.formatCount(total));
        }
        long smallest = HeapSpec.Contents.SMALLEST_OBJECT_BYTES;
        if (Math.multiplyHigh(total, smallest) != 0 || total * smallest > heapBytes) {
            throw s.fail(TOTAL_OBJECTS, Units.formatCount(total) + " objects cannot fit in heapSize "
                    + Units.formatSize(heapBytes) + " (each object takes at least 16B)");
        }
        long frozen = s.optional(FROZEN_OBJECTS);
        if (frozen > tracked) {
            throw s.fail(FROZEN_OBJECTS, Units.formatCount(frozen) + " frozen objects exceed trackedObjects "
                    + Units.formatCount(tracked) + " (only tracked objects can be frozen)");
        }
        long main = s.optional(MAIN_OBJECTS);
        if (main > total) {
            throw s.fail(MAIN_OBJECTS, Units.formatCount(main) + " objects exceed totalObjects "
                    + Units.formatCount(total));
        }
        long nonObject = s.optional(NON_OBJECT_SIZE);
        long objectPages = heapPages - nonObject / PAGE_BYTES;
        if (nonObject >= heapBytes || Math.round(trackedFraction * heapPages) > objectPages) {
            throw s.fail(NON_OBJECT_SIZE, "expected a size below heapSize that leaves room for the tracked pages ("
                    + Units.formatSize(heapBytes) + " heap, " + Math.round(trackedFraction * heapPages)
                    + " tracked pages), got " + Units.formatSize(nonObject));
        }
        return new MeasuredHeapSpec(heapBytes, trackedFraction, tracked, total, frozen, main, nonObject);
    }

    /** {@code trackedPages} as written: a fraction of the heap's pages, or a number of pages. */
    private record TrackedPages(boolean isFraction, double value) {

        static TrackedPages parse(String text) {
            String t = text.trim();
            if (t.endsWith("%") || t.contains(".")) {
                try {
                    return new TrackedPages(true, Units.fraction(t));
                } catch (ScenarioException e) {
                    throw badForm(text);
                }
            }
            try {
                return new TrackedPages(false, Units.count(t));
            } catch (ScenarioException e) {
                throw badForm(text);
            }
        }

        String format() {
            return isFraction ? Units.formatFraction(value) : Units.formatCount((long) value) + " pages";
        }

        private static ScenarioException badForm(String text) {
            return new ScenarioException("expected a fraction of heap pages like 60% or a page count like 38k, got '"
                    + text + "'");
        }
    }
}
