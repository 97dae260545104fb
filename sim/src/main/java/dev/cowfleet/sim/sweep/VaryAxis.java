package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.scenario.ScenarioException;
import java.util.Arrays;
import java.util.List;

/**
 * One axis of a sweep grid: a scenario key path and the values it takes, each applied as
 * {@code --set key=value}.
 */
public record VaryAxis(String key, List<String> values) {

    public VaryAxis {
        values = List.copyOf(values);
    }

    /** Parses a {@code --vary key.path=v1,v2,...} flag. */
    public static VaryAxis parse(String flag) {
        int eq = flag.indexOf('=');
        String key = eq < 0 ? "" : flag.substring(0, eq).trim();
        if (eq < 0 || key.isEmpty()) {
            throw new ScenarioException("--vary '" + flag + "': expected key.path=v1,v2,... like host.workers=40,70");
        }
        List<String> values = Arrays.stream(flag.substring(eq + 1).split(",", -1)).map(String::trim).toList();
        if (values.stream().anyMatch(String::isEmpty)) {
            throw new ScenarioException("--vary " + key + ": expected a comma-separated list of values like "
                    + "40,70, got '" + flag.substring(eq + 1) + "'");
        }
        return new VaryAxis(key, values);
    }
}
