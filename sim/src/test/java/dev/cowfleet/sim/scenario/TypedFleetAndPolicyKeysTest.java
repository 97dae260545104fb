package dev.cowfleet.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.models.runtime.GcThresholds;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fleet keys arrive typed (years a number of years, workersPerHost auto or a count, any memory
 * percentile), and a policy rule the model owns is reported at the policy key it names.
 */
class TypedFleetAndPolicyKeysTest {
    private static final Path FLEET = Path.of("..", "scenarios", "fleet-capacity.yaml");

    private static FleetSpec fleet(String... sets) {
        return ScenarioLoader.load(FLEET, List.of(sets)).fleet().orElseThrow();
    }

    @Test
    void fleetKeysAreTyped() {
        assertTrue(fleet().workersPerHost().auto());
        assertEquals(FleetSpec.WorkersPerHost.of(40), fleet("fleet.workersPerHost=40").workersPerHost());
        assertEquals("40", fleet("fleet.workersPerHost=40").workersPerHost().toString());
        assertEquals(2.5, fleet("fleet.years=2.5").years());
        assertEquals(0.999, fleet("fleet.memoryPercentile=99.9%").memoryPercentile(), 1e-12);
        assertTrue(Fixtures.errorOf(FLEET, "fleet.years=$2").endsWith(
                "key 'fleet.years': expected a number of years like 1 or 2.5, got '$2'"), Fixtures.errorOf(FLEET, "fleet.years=$2"));
        assertTrue(Fixtures.errorOf(FLEET, "fleet.memoryPercentile=0%").endsWith(
                "key 'fleet.memoryPercentile': expected a percentile above 0% like 99%, got 0%"));
    }

    @Test
    void theModelsPolicyRulesAreReportedAtTheirKey() {
        assertEquals("--set policies.default.disableEarly=true: key 'policies.default.disableEarly': is part of the "
                + "freeze recipe (gc.disable() early in the master, gc.freeze() before fork, gc.enable() in the "
                + "worker); set freeze: true too", Fixtures.errorOf(Fixtures.MINIMAL, "policies.default.disableEarly=true"));
    }

    @Test
    void versionDefaultThresholdsAreNoCustomSetting() {
        Scenario s = Fixtures.minimal();
        assertEquals(null, s.policy("default").gc().thresholds());
        assertEquals(new GcThresholds(700, 10, 10), s.policy("default").thresholds());
        assertEquals(new GcThresholds(0, 10, 10), s.policy("threshold0").gc().thresholds());
    }
}
