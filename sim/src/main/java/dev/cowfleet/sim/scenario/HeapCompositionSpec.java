package dev.cowfleet.sim.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A heap described as object kinds, in file order: the {@code heap.composition} section. */
public record HeapCompositionSpec(List<ObjectKind> kinds) implements HeapSpec.Contents {

    /** One kind of object in a {@code heap.composition}: how many, how big, and whether the GC tracks it. */
    public record ObjectKind(String name, long count, long sizeBytes, boolean tracked) {

        static final Keys KEYS = new Keys();
        private static final Key.Value<String> NAME = KEYS.required("name", Kinds.TEXT,
                "Name of the object kind, like dict.");
        private static final Key.Value<Long> COUNT = KEYS.required("count", Kinds.COUNT,
                "Objects of this kind in the heap.");
        private static final Key.Value<Long> SIZE = KEYS.required("size", Kinds.SIZE,
                "Size of one object of this kind (sys.getsizeof).");
        private static final Key.Value<Boolean> TRACKED = KEYS.required("tracked", Kinds.BOOLEAN,
                "Whether the cyclic GC tracks objects of this kind.");

        /** @param namesSoFar the kinds listed before this one, to refuse a name listed twice */
        static ObjectKind read(Section k, Set<String> namesSoFar) {
            String name = k.required(NAME);
            if (!namesSoFar.add(name)) {
                throw k.fail(NAME, "object kind '" + name + "' is listed twice");
            }
            long count = k.required(COUNT);
            if (count < 1) {
                throw k.fail(COUNT, "expected at least 1 object, got 0");
            }
            long size = k.required(SIZE);
            if (size < HeapSpec.Contents.SMALLEST_OBJECT_BYTES) {
                throw k.fail(SIZE, "expected a size of at least 16B (the smallest object), got "
                        + Units.formatSize(size));
            }
            return new ObjectKind(name, count, size, k.required(TRACKED));
        }
    }

    static final Keys KEYS = new Keys();
    static final Key.Nested KINDS = KEYS.list("kinds", ObjectKind.KEYS, "The object kinds of the heap.");

    public HeapCompositionSpec {
        kinds = List.copyOf(kinds);
    }

    static HeapCompositionSpec read(Section s) {
        Set<String> names = new HashSet<>();
        return new HeapCompositionSpec(s.sectionList(KINDS, "a list of object kinds like "
                + "{name: dict, count: 400k, size: 232B, tracked: true}").stream()
                .map(kind -> ObjectKind.read(kind, names)).toList());
    }

    @Override
    public long heapBytes() {
        return kinds.stream().mapToLong(k -> Math.multiplyExact(k.count(), k.sizeBytes())).sum();
    }

    @Override
    public long trackedObjects() {
        return kinds.stream().filter(ObjectKind::tracked).mapToLong(ObjectKind::count).sum();
    }

    @Override
    public long totalObjects() {
        return kinds.stream().mapToLong(ObjectKind::count).sum();
    }
}
