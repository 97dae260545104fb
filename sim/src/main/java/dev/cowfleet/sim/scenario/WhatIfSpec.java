package dev.cowfleet.sim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The optional {@code whatIf} section: the sweep grid and tornado chart a scenario asks for by default, so
 * {@code cowfleet sweep SCENARIO} needs no flags. The values stay text: each is applied as a
 * {@code --set key.path=value} override and validated like the file when the sweep loads its points.
 *
 * @param vary    scenario key path to the values it takes, in file order (empty when not given)
 * @param tornado the tornado chart's inputs, if asked for
 */
public record WhatIfSpec(Map<String, List<String>> vary, Optional<Tornado> tornado) {

    public WhatIfSpec {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        vary.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        vary = Collections.unmodifiableMap(copy);
    }

    /**
     * @param fraction how far each key is moved down and up, e.g. 0.2 for +-20%
     * @param keys     the numeric scenario key paths to move, one at a time
     */
    public record Tornado(double fraction, List<String> keys) {
        public Tornado {
            keys = List.copyOf(keys);
        }
    }
}
