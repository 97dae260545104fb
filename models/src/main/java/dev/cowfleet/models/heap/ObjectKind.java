package dev.cowfleet.models.heap;

import dev.cowfleet.models.runtime.ModelInputException;

/**
 * One kind of object in a heap described by composition.
 *
 * @param sizeBytes {@code obj.__sizeof__()}: without the GC header, which the interpreter profile adds
 * @param tracked   whether the collector tracks it (containers: dict, list, instance, tuple, ...)
 */
public record ObjectKind(String name, long count, long sizeBytes, boolean tracked) {
    public ObjectKind {
        if (name == null || name.isBlank()) {
            throw new ModelInputException("heap.composition.kinds: every kind needs a name");
        }
        ModelInputException.requireNonNegative("heap.composition.kinds[" + name + "].count", count);
        if (sizeBytes <= 0) {
            throw new ModelInputException("heap.composition.kinds[" + name + "].size must be > 0 (e.g. 232B), got "
                    + sizeBytes + " B");
        }
    }
}
