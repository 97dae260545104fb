package dev.cowfleet.sim.scenario;

import dev.cowfleet.models.heap.HeapLayout;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds the {@code heap} section: measured totals or a composition, layout, and the inherited GC counters. */
final class HeapBinder {

    static final List<String> KEYS = List.of("measured", "composition", "hotObjects", "hotLayout", "freeSlots",
            "frozenCyclicShare", "gcCounters");
    private static final List<String> MEASURED_KEYS = List.of("heapSize", "trackedPages", "trackedObjects",
            "totalObjects", "frozenObjects", "mainObjects", "nonObjectSize");
    private static final List<String> KIND_KEYS = List.of("name", "count", "size", "tracked");
    private static final List<String> COUNTER_KEYS = List.of("count0", "count1", "count2", "longLivedTotal",
            "longLivedPending");

    /** The smallest CPython object (an {@code object()} instance) is 16 bytes on 64-bit builds. */
    private static final long SMALLEST_OBJECT_BYTES = 16;
    /** Measured page counts are of 4 KiB pages, what /proc/PID/pagemap and smaps count. */
    private static final long PAGE_BYTES = 4096;

    private static final ValueKind<HeapSpec.HotLayout> HOT_LAYOUT = Kinds.oneOf(List.of(
            Map.entry("scattered", HeapSpec.HotLayout.SCATTERED),
            Map.entry("clustered", HeapSpec.HotLayout.CLUSTERED)));
    private static final ValueKind<TrackedPages> TRACKED_PAGES = Kinds.scalar(
            "a fraction of heap pages like 60% or a page count like 38k", TrackedPages::parse, TrackedPages::format);

    private HeapBinder() {
    }

    static HeapSpec bind(Section heap, long ramBytes) {
        boolean measured = heap.has("measured");
        boolean composed = heap.has("composition");
        if (measured && composed) {
            throw heap.fail("composition", "give either heap.measured or heap.composition, not both");
        }
        if (!measured && !composed) {
            throw heap.fail("measured", "missing, expected heap.measured (totals measured on a master) "
                    + "or heap.composition (a list of object kinds)");
        }
        Section source = measured ? heap.section("measured", MEASURED_KEYS).orElseThrow()
                : heap.section("composition", List.of("kinds")).orElseThrow();
        HeapContents contents = measured ? measured(source) : composition(source);
        if (contents.heapBytes() >= ramBytes) {
            throw source.fail(measured ? "heapSize" : "kinds", "a heap of " + Units.formatSize(contents.heapBytes())
                    + " does not fit in host.ram " + Units.formatSize(ramBytes));
        }
        double hotObjects = heap.optional("hotObjects", Kinds.FRACTION, 0.02, "default");
        HeapSpec.HotLayout layout = heap.optional("hotLayout", HOT_LAYOUT, HeapSpec.HotLayout.SCATTERED, "default");
        double freeSlots = heap.optional("freeSlots", Kinds.FRACTION, 0.03, "default");
        double frozenCyclicShare = heap.optional("frozenCyclicShare", Kinds.FRACTION,
                HeapLayout.DEFAULT_FROZEN_CYCLIC_SHARE, "default (calibration probe's synthetic app)");
        GcCountersSpec counters = counters(heap.sectionOrEmpty("gcCounters", COUNTER_KEYS), contents);
        return new HeapSpec(contents, hotObjects, layout, freeSlots, frozenCyclicShare, counters);
    }

    private static MeasuredHeapSpec measured(Section s) {
        long heapBytes = s.required("heapSize", Kinds.SIZE);
        if (heapBytes < PAGE_BYTES) {
            throw s.fail("heapSize", "expected a heap of at least 4KiB, got " + Units.formatSize(heapBytes));
        }
        TrackedPages trackedPages = s.required("trackedPages", TRACKED_PAGES);
        long heapPages = heapBytes / PAGE_BYTES;
        if (!trackedPages.isFraction() && trackedPages.value() > heapPages) {
            throw s.fail("trackedPages", Units.formatCount((long) trackedPages.value())
                    + " pages exceed the heap's " + heapPages + " pages of 4KiB");
        }
        double trackedFraction = trackedPages.isFraction() ? trackedPages.value() : trackedPages.value() / heapPages;
        long tracked = s.required("trackedObjects", Kinds.COUNT);
        long total = s.required("totalObjects", Kinds.COUNT);
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
        long frozen = s.optional("frozenObjects", Kinds.COUNT, 0L, "default");
        if (frozen > tracked) {
            throw s.fail("frozenObjects", Units.formatCount(frozen) + " frozen objects exceed trackedObjects "
                    + Units.formatCount(tracked) + " (only tracked objects can be frozen)");
        }
        long main = s.optional("mainObjects", Kinds.COUNT, 0L, "default");
        if (main > total) {
            throw s.fail("mainObjects", Units.formatCount(main) + " objects exceed totalObjects "
                    + Units.formatCount(total));
        }
        long nonObject = s.optional("nonObjectSize", Kinds.SIZE, 0L, "default");
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
        List<ObjectKindSpec> kinds = s.sectionList("kinds", "a list of object kinds like "
                + "{name: dict, count: 400k, size: 232B, tracked: true}", KIND_KEYS).stream().map(k -> {
                    String name = k.required("name", Kinds.TEXT);
                    if (!names.add(name)) {
                        throw k.fail("name", "object kind '" + name + "' is listed twice");
                    }
                    long count = k.required("count", Kinds.COUNT);
                    if (count < 1) {
                        throw k.fail("count", "expected at least 1 object, got 0");
                    }
                    long size = k.required("size", Kinds.SIZE);
                    if (size < SMALLEST_OBJECT_BYTES) {
                        throw k.fail("size", "expected a size of at least 16B (the smallest object), got "
                                + Units.formatSize(size));
                    }
                    return new ObjectKindSpec(name, count, size, k.required("tracked", Kinds.BOOLEAN));
                }).toList();
        return new HeapCompositionSpec(kinds);
    }

    /**
     * Defaults are the master's state right after a {@code gc.collect()} just before fork: empty young
     * generations, and every tracked object that is not frozen counted as long-lived.
     */
    private static GcCountersSpec counters(Section s, HeapContents contents) {
        String origin = "default (as after gc.collect() in the master)";
        long frozen = contents instanceof MeasuredHeapSpec m ? m.frozenObjects() : 0;
        long tracked = contents.trackedObjects();
        long count0 = s.optional("count0", Kinds.COUNT, 0L, origin);
        long count1 = s.optional("count1", Kinds.COUNT, 0L, origin);
        long count2 = s.optional("count2", Kinds.COUNT, 0L, origin);
        long total = atMostTracked(s, "longLivedTotal", s.optional("longLivedTotal", Kinds.COUNT, tracked - frozen,
                origin), tracked);
        long pending = atMostTracked(s, "longLivedPending", s.optional("longLivedPending", Kinds.COUNT, 0L, origin),
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
