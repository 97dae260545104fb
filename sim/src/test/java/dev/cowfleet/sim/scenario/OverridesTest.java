package dev.cowfleet.sim.scenario;

import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.models.runtime.ExitMode;
import dev.cowfleet.models.runtime.GcThresholds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --set key.path=value} overrides: values, lists, maps, new sections, list items, order. */
class OverridesTest {

    @Test
    void replacesAScalarWithTheSameUnitRules() {
        Scenario s = Fixtures.minimal("host.workers=80", "heap.measured.heapSize=1.5GiB");
        assertEquals(80, s.host().workers());
        assertEquals(1610612736L, s.heap().contents().heapBytes());
    }

    @Test
    void frozenCyclicShareDefaultsToTheProbesSyntheticAppAndCanBeSet() {
        assertEquals(0.75, Fixtures.minimal().heap().frozenCyclicShare());
        assertEquals(0.85, Fixtures.minimal("heap.frozenCyclicShare=85%").heap().frozenCyclicShare(), 1e-12);
    }

    @Test
    void theLastFlagForAKeyWins() {
        assertEquals(12, Fixtures.minimal("host.workers=80", "host.workers=12").host().workers());
    }

    @Test
    void setsAListWithFlowSyntax() {
        DeploySpec deploys = Fixtures.minimal("deploys.at=[1h,30m]").deploys().orElseThrow();
        assertEquals(List.of(1800.0, 3600.0), deploys.atSeconds(), "sorted, in seconds");
        assertEquals(1.0, deploys.waveSize(), "the rest of a section created by --set is defaulted");
    }

    @Test
    void setsAMapWithFlowSyntax() {
        DiurnalSpec d = Fixtures.minimal("workload.diurnal={shape: sine, peakToTrough: 2.5, peakHour: 20h}")
                .workload().diurnal();
        assertEquals(new DiurnalSpec(DiurnalSpec.Shape.SINE, 2.5, 72_000), d);
    }

    @Test
    void changesAnExistingPolicyInsideAFlowMap() {
        PolicySpec p = Fixtures.minimal("policies.threshold0.exit=os._exit").policy("threshold0");
        assertEquals(GcMode.THRESHOLD0, p.gc().mode(), "keys the flag does not name stay");
        assertEquals(ExitMode.OS_EXIT, p.gc().exit());
    }

    @Test
    void addsAPolicyThatTheFileDoesNotHave() {
        Scenario s = Fixtures.minimal("policies.t0-exit.gc=threshold0", "policies.t0-exit.exit=os._exit");
        assertEquals(List.of("default", "threshold0", "t0-exit"), s.policies().stream().map(PolicySpec::name).toList());
        assertEquals(ExitMode.OS_EXIT, s.policy("t0-exit").gc().exit());
    }

    @Test
    void replacesAListItemByIndex() {
        Scenario s = ScenarioLoader.load(Fixtures.COMPOSITION, List.of("heap.composition.kinds.1.count=1M"));
        HeapCompositionSpec heap = (HeapCompositionSpec) s.heap().contents();
        assertEquals(1_000_000, heap.kinds().get(1).count());
        assertEquals("str", heap.kinds().get(1).name());
    }

    @Test
    void pythonVersionChangesThresholdDefaultsAndAllowsNewPolicies() {
        Scenario s = Fixtures.minimal("python=3.13", "policies.frozen.freeze=true", "policies.frozen.immortalize=true");
        assertEquals(new GcThresholds(2000, 10, 10), s.policy("default").thresholds());
        assertEquals(new GcThresholds(0, 10, 10), s.policy("threshold0").thresholds());
        assertTrue(s.policy("frozen").gc().immortalize());
    }

    @Test
    void anUnquotedVersionKeepsItsTrailingZero() {
        assertEquals("3.10", Fixtures.minimal("python=3.10").python());
    }

    @Test
    void aPolicyMayRunAnotherVersionThanTheScenario() {
        PolicySpec p = Fixtures.minimal("policies.py312.python=3.12", "policies.py312.immortalize=true",
                "policies.py312.freeze=true").policy("py312");
        assertEquals("3.12", p.python());
        assertEquals("3.6", Fixtures.minimal().policy("default").python());
    }

    @Test
    void aPolicyOverridesServerSettingsAndInheritsTheRest() {
        Scenario s = Fixtures.minimal("server.harakiri=60s", "policies.recycled.server={maxRequests: 3000}");
        ServerSpec recycled = s.policy("recycled").server();
        assertEquals(3000, recycled.maxRequests());
        assertEquals(60, recycled.harakiriSeconds(), "inherited from the scenario's server section");
        assertEquals(s.server(), s.policy("default").server());
    }

    @Test
    void trackedPagesMayBeAPageCount() {
        // 100MiB is 25,600 pages of 4 KiB.
        assertEquals(0.5, ((MeasuredHeapSpec) Fixtures.minimal("heap.measured.trackedPages=12800").heap().contents())
                .trackedPageFraction());
    }
}
