package dev.cowfleet.sim.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * One point of a sweep grid: a value for each axis, in axis order.
 *
 * @param keys   the axes' key paths
 * @param values this point's value of each key
 */
public record SweepPoint(List<String> keys, List<String> values) {

    public SweepPoint {
        keys = List.copyOf(keys);
        values = List.copyOf(values);
    }

    /** The point as {@code --set} overrides. */
    public List<String> overrides() {
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            sets.add(keys.get(i) + "=" + values.get(i));
        }
        return sets;
    }
}
