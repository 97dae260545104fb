package dev.cowfleet.models.runtime;

/**
 * {@code gc.set_threshold(young, middle, old)}. A young threshold of 0 disables automatic
 * collection (explicit {@code gc.collect()} and the final collection still run).
 */
public record GcThresholds(int young, int middle, int old) {
    public GcThresholds {
        if (young < 0 || middle < 0 || old < 0) {
            throw new ModelInputException("thresholds must be three integers >= 0 like [700, 10, 10], got ["
                    + young + ", " + middle + ", " + old + "]");
        }
    }

    @Override
    public String toString() {
        return "(" + young + ", " + middle + ", " + old + ")";
    }
}
