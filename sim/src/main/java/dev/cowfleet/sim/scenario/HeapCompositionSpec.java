package dev.cowfleet.sim.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A heap described as object kinds, in file order: the {@code heap.composition} section. */
public record HeapCompositionSpec(List<ObjectKindSpec> kinds) implements HeapContents {

    static final Keys KEYS = new Keys();
    static final Key.Nested KINDS = KEYS.list("kinds", ObjectKindSpec.KEYS, "The object kinds of the heap.");

    public HeapCompositionSpec {
        kinds = List.copyOf(kinds);
    }

    static HeapCompositionSpec read(Section s) {
        Set<String> names = new HashSet<>();
        return new HeapCompositionSpec(s.sectionList(KINDS, "a list of object kinds like "
                + "{name: dict, count: 400k, size: 232B, tracked: true}").stream()
                .map(kind -> ObjectKindSpec.read(kind, names)).toList());
    }

    @Override
    public long heapBytes() {
        return kinds.stream().mapToLong(k -> Math.multiplyExact(k.count(), k.sizeBytes())).sum();
    }

    @Override
    public long trackedObjects() {
        return kinds.stream().filter(ObjectKindSpec::tracked).mapToLong(ObjectKindSpec::count).sum();
    }

    @Override
    public long totalObjects() {
        return kinds.stream().mapToLong(ObjectKindSpec::count).sum();
    }
}
