package dev.cowfleet.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IneffectiveKeysTest {
    private static Scenario load(String name) {
        return ScenarioSource.read(Path.of("..", "scenarios", name), List.of()).load();
    }

    @Test
    void hostRamAndCoresCannotMoveAFleetPlan() {
        List<String> warnings = IneffectiveKeys.warnings(load("fleet-capacity.yaml"),
                List.of("host.ram", "heap.measured.heapSize", "host.cores", "fleet.hostTypes.0.ram", "host.workers"));
        assertEquals(List.of(
                "warning: host.ram does not change the fleet's hosts or cost, since each of its 2 host types sets its "
                        + "own ram; vary fleet.hostTypes.N.ram (N from 0) instead",
                "warning: host.cores does not change the fleet's hosts or cost, since each of its 2 host types sets its "
                        + "own cores; vary fleet.hostTypes.N.cores (N from 0) instead"), warnings);
    }

    @Test
    void withoutAFleetEveryHostKeyCounts() {
        assertEquals(List.of(), IneffectiveKeys.warnings(load("instagram-2017.yaml"), List.of("host.ram", "host.cores")));
    }
}
