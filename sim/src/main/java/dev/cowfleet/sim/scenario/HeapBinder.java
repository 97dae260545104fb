package dev.cowfleet.sim.scenario;

import dev.cowfleet.models.heap.HeapLayout;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds the {@code heap} section: measured totals or a composition, layout, and the inherited GC counters. */
final class HeapBinder {

    /** The smallest CPython object (an {@code object()} instance) is 16 bytes on 64-bit builds. */
    private static final long SMALLEST_OBJECT_BYTES = 16;
    /** Measured page counts are of 4 KiB pages, what /proc/PID/pagemap and smaps count. */
    private static final long PAGE_BYTES = 4096;

    private static final ValueKind<HeapSpec.HotLayout> HOT_LAYOUT_KIND = Kinds.oneOf(List.of(
            Map.entry("scattered", HeapSpec.HotLayout.SCATTERED),
            Map.entry("clustered", HeapSpec.HotLayout.CLUSTERED)));
    private static final ValueKind<TrackedPages> TRACKED_PAGES_KIND = Kinds.scalar(
            "a fraction of heap pages like 60% or a page count like 38k", TrackedPages::parse, TrackedPages::format,
            UnitSchemas.anyOf(UnitSchemas.FRACTION, UnitSchemas.COUNT));

    private static final Keys MEASURED_KEYS = new Keys();
    private static final KeyDef<Long> HEAP_SIZE = MEASURED_KEYS.required("heapSize", Kinds.SIZE,
            "The preloaded heap a worker inherits: the Anonymous memory of a worker right after fork "
                    + "(what cowfleet calibrate writes).");
    private static final KeyDef<TrackedPages> TRACKED_PAGES = MEASURED_KEYS.required("trackedPages",
            TRACKED_PAGES_KIND, "Heap pages holding at least one GC-tracked object, as a share or a count of 4 KiB "
                    + "pages.");
    private static final KeyDef<Long> TRACKED_OBJECTS = MEASURED_KEYS.required("trackedObjects", Kinds.COUNT,
            "Objects the cyclic GC tracks in the master (len(gc.get_objects())).");
    private static final KeyDef<Long> TOTAL_OBJECTS = MEASURED_KEYS.required("totalObjects", Kinds.COUNT,
            "All objects in the master's heap, tracked or not.");
    private static final KeyDef<Long> FROZEN_OBJECTS = MEASURED_KEYS.optional("frozenObjects", Kinds.COUNT, 0L,
            "Objects already frozen by gc.freeze() in the master (gc.get_freeze_count()).");
    private static final KeyDef<Long> MAIN_OBJECTS = MEASURED_KEYS.optional("mainObjects", Kinds.COUNT, 0L,
            "Objects created by the main module rather than imports.");
    private static final KeyDef<Long> NON_OBJECT_SIZE = MEASURED_KEYS.optional("nonObjectSize", Kinds.SIZE, 0L,
            "Part of heapSize that is not Python objects (free pymalloc pools and arenas, C-library heap, "
                    + "anonymous mmaps): copied only by what touches it, never by collections or teardown.");

    private static final Keys KIND_KEYS = new Keys();
    private static final KeyDef<String> KIND_NAME = KIND_KEYS.required("name", Kinds.TEXT,
            "Name of the object kind, like dict.");
    private static final KeyDef<Long> KIND_COUNT = KIND_KEYS.required("count", Kinds.COUNT,
            "Objects of this kind in the heap.");
    private static final KeyDef<Long> KIND_SIZE = KIND_KEYS.required("size", Kinds.SIZE,
            "Size of one object of this kind (sys.getsizeof).");
    private static final KeyDef<Boolean> KIND_TRACKED = KIND_KEYS.required("tracked", Kinds.BOOLEAN,
            "Whether the cyclic GC tracks objects of this kind.");
    private static final Keys COMPOSITION_KEYS = new Keys();
    private static final SectionKey KINDS = COMPOSITION_KEYS.list("kinds", KIND_KEYS,
            "The object kinds of the heap.");

    /** Defaults are the master's state right after a gc.collect() just before fork. */
    private static final String AFTER_COLLECT = "default (as after gc.collect() in the master)";
    private static final Keys COUNTER_KEYS = new Keys();
    private static final KeyDef<Long> COUNT0 = COUNTER_KEYS.optional("count0", Kinds.C_INT_COUNT, 0L, AFTER_COLLECT,
            "Generation-0 counter at fork (gc.get_count()[0]).");
    private static final KeyDef<Long> COUNT1 = COUNTER_KEYS.optional("count1", Kinds.C_INT_COUNT, 0L, AFTER_COLLECT,
            "Generation-1 counter at fork (gc.get_count()[1]).");
    private static final KeyDef<Long> COUNT2 = COUNTER_KEYS.optional("count2", Kinds.C_INT_COUNT, 0L, AFTER_COLLECT,
            "Generation-2 counter at fork (gc.get_count()[2]).");
    private static final KeyDef<Long> LONG_LIVED_TOTAL = COUNTER_KEYS.derived("longLivedTotal", Kinds.COUNT,
            "trackedObjects minus frozenObjects", "Long-lived objects the collector counts at fork.");
    private static final KeyDef<Long> LONG_LIVED_PENDING = COUNTER_KEYS.optional("longLivedPending", Kinds.COUNT,
            0L, AFTER_COLLECT, "Long-lived objects not yet examined by a full collection at fork.");

    static final Keys KEYS = new Keys();
    private static final SectionKey MEASURED = KEYS.section("measured", MEASURED_KEYS, false,
            "Totals measured on a master (cowfleet calibrate); give this or composition.");
    private static final SectionKey COMPOSITION = KEYS.section("composition", COMPOSITION_KEYS, false,
            "The heap as a list of object kinds; give this or measured.");
    private static final KeyDef<Double> HOT_OBJECTS = KEYS.optional("hotObjects", Kinds.FRACTION, 0.02,
            "Share of inherited objects that requests touch often.");
    private static final KeyDef<HeapSpec.HotLayout> HOT_LAYOUT = KEYS.optional("hotLayout", HOT_LAYOUT_KIND,
            HeapSpec.HotLayout.SCATTERED, "Whether hot objects are spread over the heap's pages or packed together.");
    private static final KeyDef<Double> FREE_SLOTS = KEYS.optional("freeSlots", Kinds.FRACTION,
            HeapLayout.DEFAULT_FREE_SLOT_FRACTION, "Share of small-object slots in inherited pymalloc pools that "
                    + "are free, where a worker's new objects land.");
    private static final KeyDef<Double> FROZEN_CYCLIC_SHARE = KEYS.optional("frozenCyclicShare", Kinds.FRACTION,
            HeapLayout.DEFAULT_FROZEN_CYCLIC_SHARE, "default (calibration probe's synthetic app)",
            "Share of frozen objects that sit in reference cycles.");
    private static final SectionKey GC_COUNTERS = KEYS.section("gcCounters", COUNTER_KEYS, false,
            "The master's GC counters at fork, which the workers inherit.");

    private HeapBinder() {
    }

    /** @param host the host section, blamed when a {@code --set host.ram} makes the heap not fit */
    static HeapSpec bind(Section heap, Section host, long ramBytes) {
        boolean measured = heap.has(MEASURED);
        boolean composed = heap.has(COMPOSITION);
        if (measured && composed) {
            throw heap.fail("composition", "give either heap.measured or heap.composition, not both");
        }
        if (!measured && !composed) {
            throw heap.fail("measured", "missing, expected heap.measured (totals measured on a master) "
                    + "or heap.composition (a list of object kinds)");
        }
        Section source = measured ? heap.section(MEASURED).orElseThrow()
                : heap.section(COMPOSITION).orElseThrow();
        HeapContents contents = measured ? measured(source) : composition(source);
        if (contents.heapBytes() >= ramBytes) {
            throw source.failTogether(measured ? "heapSize" : "kinds", "a heap of " + Units.formatSize(contents.heapBytes())
                    + " does not fit in host.ram " + Units.formatSize(ramBytes), host.key("ram"));
        }
        double hotObjects = heap.optional(HOT_OBJECTS);
        HeapSpec.HotLayout layout = heap.optional(HOT_LAYOUT);
        double freeSlots = heap.optional(FREE_SLOTS);
        double frozenCyclicShare = heap.optional(FROZEN_CYCLIC_SHARE);
        GcCountersSpec counters = counters(heap.sectionOrEmpty(GC_COUNTERS), contents);
        return new HeapSpec(contents, hotObjects, layout, freeSlots, frozenCyclicShare, counters);
    }

    private static MeasuredHeapSpec measured(Section s) {
        long heapBytes = s.required(HEAP_SIZE);
        if (heapBytes < PAGE_BYTES) {
            throw s.fail("heapSize", "expected a heap of at least 4KiB, got " + Units.formatSize(heapBytes));
        }
        TrackedPages trackedPages = s.required(TRACKED_PAGES);
        long heapPages = heapBytes / PAGE_BYTES;
        if (!trackedPages.isFraction() && trackedPages.value() > heapPages) {
            throw s.fail("trackedPages", Units.formatCount((long) trackedPages.value())
                    + " pages exceed the heap's " + heapPages + " pages of 4KiB");
        }
        double trackedFraction = trackedPages.isFraction() ? trackedPages.value() : trackedPages.value() / heapPages;
        long tracked = s.required(TRACKED_OBJECTS);
        long total = s.required(TOTAL_OBJECTS);
        if (total < 1) {
            throw s.fail("totalObjects", "expected at least 1 object, got 0");
        }
        if (tracked > total) {
            throw s.fail("trackedObjects", Units.formatCount(tracked) + " tracked objects exceed totalObjects "
                    + Units.formatCount(total));
        }
        if (Math.multiplyHigh(total, SMALLEST_OBJECT_BYTES) != 0 || total * SMALLEST_OBJECT_BYTES > heapBytes) {
            throw s.fail("totalObjects", Units.formatCount(total) + " objects cannot fit in heapSize "
                    + Units.formatSize(heapBytes) + " (each object takes at least 16B)");
        }
        long frozen = s.optional(FROZEN_OBJECTS);
        if (frozen > tracked) {
            throw s.fail("frozenObjects", Units.formatCount(frozen) + " frozen objects exceed trackedObjects "
                    + Units.formatCount(tracked) + " (only tracked objects can be frozen)");
        }
        long main = s.optional(MAIN_OBJECTS);
        if (main > total) {
            throw s.fail("mainObjects", Units.formatCount(main) + " objects exceed totalObjects "
                    + Units.formatCount(total));
        }
        long nonObject = s.optional(NON_OBJECT_SIZE);
        long objectPages = heapPages - nonObject / PAGE_BYTES;
        if (nonObject >= heapBytes || Math.round(trackedFraction * heapPages) > objectPages) {
            throw s.fail("nonObjectSize", "expected a size below heapSize that leaves room for the tracked pages ("
                    + Units.formatSize(heapBytes) + " heap, " + Math.round(trackedFraction * heapPages)
                    + " tracked pages), got " + Units.formatSize(nonObject));
        }
        return new MeasuredHeapSpec(heapBytes, trackedFraction, tracked, total, frozen, main, nonObject);
    }

    private static HeapCompositionSpec composition(Section s) {
        Set<String> names = new HashSet<>();
        List<ObjectKindSpec> kinds = s.sectionList(KINDS, "a list of object kinds like "
                + "{name: dict, count: 400k, size: 232B, tracked: true}").stream().map(k -> {
                    String name = k.required(KIND_NAME);
                    if (!names.add(name)) {
                        throw k.fail("name", "object kind '" + name + "' is listed twice");
                    }
                    long count = k.required(KIND_COUNT);
                    if (count < 1) {
                        throw k.fail("count", "expected at least 1 object, got 0");
                    }
                    long size = k.required(KIND_SIZE);
                    if (size < SMALLEST_OBJECT_BYTES) {
                        throw k.fail("size", "expected a size of at least 16B (the smallest object), got "
                                + Units.formatSize(size));
                    }
                    return new ObjectKindSpec(name, count, size, k.required(KIND_TRACKED));
                }).toList();
        return new HeapCompositionSpec(kinds);
    }

    /**
     * Defaults are the master's state right after a {@code gc.collect()} just before fork: empty young
     * generations, and every tracked object that is not frozen counted as long-lived.
     */
    private static GcCountersSpec counters(Section s, HeapContents contents) {
        long frozen = contents instanceof MeasuredHeapSpec m ? m.frozenObjects() : 0;
        long tracked = contents.trackedObjects();
        long count0 = s.optional(COUNT0);
        long count1 = s.optional(COUNT1);
        long count2 = s.optional(COUNT2);
        long total = atMostTracked(s, "longLivedTotal", s.optional(LONG_LIVED_TOTAL, tracked - frozen,
                AFTER_COLLECT), tracked);
        long pending = atMostTracked(s, "longLivedPending", s.optional(LONG_LIVED_PENDING),
                tracked);
        return new GcCountersSpec(count0, count1, count2, total, pending);
    }

    /** Long-lived counters count tracked objects, so they cannot exceed the heap's tracked objects. */
    private static long atMostTracked(Section s, String key, long value, long tracked) {
        if (value > tracked) {
            throw s.fail(key, Units.formatCount(value) + " exceeds the heap's " + Units.formatCount(tracked)
                    + " tracked objects");
        }
        return value;
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
