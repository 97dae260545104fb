package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What-if keys that validate but cannot move a fleet plan's hosts or cost: with a {@code fleet}
 * section every host type carries its own RAM and cores, so {@code host.ram} and
 * {@code host.cores} only reach the single-host figures. Varying them would give flat capacity
 * curves and a zero tornado bar without a word; the user is told which key to vary instead.
 */
public final class IneffectiveKeys {
    private static final Map<String, String> OVERRIDDEN_BY_HOST_TYPES = Map.of("host.ram", "ram", "host.cores", "cores");

    private IneffectiveKeys() {
    }

    /** One warning per key of {@code keys} that cannot change {@code scenario}'s capacity plan. */
    public static List<String> warnings(Scenario scenario, List<String> keys) {
        List<String> warnings = new ArrayList<>();
        if (scenario.fleet().isEmpty()) {
            return warnings;
        }
        int types = scenario.fleet().get().hostTypes().size();
        for (String key : keys) {
            String field = OVERRIDDEN_BY_HOST_TYPES.get(key);
            if (field != null) {
                warnings.add("warning: " + key + " does not change the fleet's hosts or cost, since each of its "
                        + types + " host types sets its own " + field + "; vary fleet.hostTypes.N." + field
                        + " (N from 0) instead");
            }
        }
        return warnings;
    }
}
