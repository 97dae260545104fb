package dev.cowfleet.sim.scenario;

import java.util.List;

/** A heap described as object kinds ({@code heap.composition.kinds}), in file order. */
public record HeapCompositionSpec(List<ObjectKindSpec> kinds) implements HeapContents {

    public HeapCompositionSpec {
        kinds = List.copyOf(kinds);
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
