package dev.cowfleet.sim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.ScenarioException;
import dev.cowfleet.sim.scenario.WhatIfSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhatIfSectionTest {

    private static ScenarioSource withWhatIf(String section) throws IOException {
        return new ScenarioSource(Files.readString(Fixture.TINY) + section, "tiny.yaml", "tiny", List.of());
    }

    @Test
    void bindsTheGridAndTheTornado() throws IOException {
        WhatIfSpec whatIf = withWhatIf("""
                whatIf:
                  vary:
                    host.workers: [2, 4]
                    host.ram: [4GiB, 8GiB]
                  tornado: {percent: 20%, keys: [heap.measured.heapSize]}
                """).load().whatIf().orElseThrow();
        assertEquals(Map.of("host.workers", List.of("2", "4"), "host.ram", List.of("4GiB", "8GiB")), whatIf.vary());
        assertEquals(List.of("host.workers", "host.ram"), List.copyOf(whatIf.vary().keySet()));
        assertEquals(new WhatIfSpec.Tornado(0.2, List.of("heap.measured.heapSize")), whatIf.tornado().orElseThrow());
    }

    @Test
    void aScenarioWithoutTheSectionHasNone() {
        assertTrue(Fixture.tiny().load().whatIf().isEmpty());
    }

    @Test
    void aTornadoShareOutsideZeroToOneHundredPercentIsRejected() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> withWhatIf("whatIf: {tornado: {percent: 0%, keys: [host.ram]}}\n").load());
        assertTrue(e.getMessage().contains("whatIf.tornado.percent"), e.getMessage());
    }

    @Test
    void varyValuesMustBeAList() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> withWhatIf("whatIf: {vary: {host.workers: 4}}\n").load());
        assertTrue(e.getMessage().contains("whatIf.vary.host.workers"), e.getMessage());
    }

    @Test
    void theFileGridIsWhatTheCommandSweepsWithoutVary() throws IOException {
        SweepGrid grid = new SweepGrid(withWhatIf("whatIf: {vary: {host.workers: [2, 3, 4]}}\n").load().whatIf()
                .orElseThrow().vary().entrySet().stream().map(e -> new VaryAxis(e.getKey(), e.getValue())).toList());
        assertEquals(3, grid.points().size());
        assertEquals(List.of("host.workers=3"), grid.points().get(1).overrides());
    }
}
