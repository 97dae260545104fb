package dev.cowfleet.sim.scenario;

import java.util.Set;

/** One kind of object in a {@code heap.composition}: how many, how big, and whether the GC tracks it. */
public record ObjectKindSpec(String name, long count, long sizeBytes, boolean tracked) {

    static final Keys KEYS = new Keys();
    private static final Key.Value<String> NAME = KEYS.required("name", Kinds.TEXT, "Name of the object kind, like dict.");
    private static final Key.Value<Long> COUNT = KEYS.required("count", Kinds.COUNT, "Objects of this kind in the heap.");
    private static final Key.Value<Long> SIZE = KEYS.required("size", Kinds.SIZE,
            "Size of one object of this kind (sys.getsizeof).");
    private static final Key.Value<Boolean> TRACKED = KEYS.required("tracked", Kinds.BOOLEAN,
            "Whether the cyclic GC tracks objects of this kind.");

    /** @param namesSoFar the kinds listed before this one, to refuse a name listed twice */
    static ObjectKindSpec read(Section k, Set<String> namesSoFar) {
        String name = k.required(NAME);
        if (!namesSoFar.add(name)) {
            throw k.fail(NAME, "object kind '" + name + "' is listed twice");
        }
        long count = k.required(COUNT);
        if (count < 1) {
            throw k.fail(COUNT, "expected at least 1 object, got 0");
        }
        long size = k.required(SIZE);
        if (size < HeapContents.SMALLEST_OBJECT_BYTES) {
            throw k.fail(SIZE, "expected a size of at least 16B (the smallest object), got " + Units.formatSize(size));
        }
        return new ObjectKindSpec(name, count, size, k.required(TRACKED));
    }
}
