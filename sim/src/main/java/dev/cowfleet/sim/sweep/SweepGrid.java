package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The full grid over the axes: every combination of values, the last axis varying fastest. */
public record SweepGrid(List<VaryAxis> axes) {

    public SweepGrid {
        axes = List.copyOf(axes);
        if (axes.isEmpty()) {
            throw new ScenarioException("nothing to sweep: expected --vary key.path=v1,v2 or a whatIf.vary section");
        }
        Set<String> seen = new HashSet<>();
        for (VaryAxis axis : axes) {
            if (!seen.add(axis.key())) {
                throw new ScenarioException("--vary " + axis.key() + ": the key is varied twice; expected each key once");
            }
        }
    }

    public List<String> keys() {
        return axes.stream().map(VaryAxis::key).toList();
    }

    public List<SweepPoint> points() {
        List<List<String>> combinations = List.of(List.of());
        for (VaryAxis axis : axes) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String value : axis.values()) {
                    List<String> extended = new ArrayList<>(prefix);
                    extended.add(value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations.stream().map(values -> new SweepPoint(keys(), values)).toList();
    }
}
