package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The full grid over the axes: every combination of values, the last axis varying fastest. */
public record SweepGrid(List<VaryAxis> axes) {

    /** Each point is a whole experiment, and each is bound and checked before any runs; beyond this a grid is a typo. */
    public static final long MAX_POINTS = 10_000;

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
        long points = 1;
        for (VaryAxis axis : axes) {
            points *= axis.values().size(); // at most MAX_POINTS times one axis's values: no overflow
            if (points > MAX_POINTS) {
                throw new ScenarioException("--vary: the grid has more than " + MAX_POINTS + " points ("
                        + String.join(" x ", axes.stream().map(a -> a.values().size() + " " + a.key()).toList())
                        + "); each point is a whole experiment, vary fewer values");
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
