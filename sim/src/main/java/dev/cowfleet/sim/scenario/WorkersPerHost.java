package dev.cowfleet.sim.scenario;

import java.util.OptionalInt;

/**
 * {@code fleet.workersPerHost}: {@code auto} (as many workers as the RAM budget holds) or a fixed count.
 *
 * @param fixed the fixed count, empty for {@code auto}
 */
public record WorkersPerHost(OptionalInt fixed) {
    public static final WorkersPerHost AUTO = new WorkersPerHost(OptionalInt.empty());

    public static WorkersPerHost of(int count) {
        return new WorkersPerHost(OptionalInt.of(count));
    }

    public boolean auto() {
        return fixed.isEmpty();
    }

    /** As a scenario writes it: {@code auto} or the count. */
    @Override
    public String toString() {
        return auto() ? "auto" : Integer.toString(fixed.getAsInt());
    }
}
