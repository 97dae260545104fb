package dev.cowfleet.sim.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe's share of requests and how its figure enters the simulated scenario. */
class AllocationProbeTest {
    @Test
    void theProbeServesAWorkersShareOfTheRunWithinBounds() {
        assertEquals(70, AllocationProbe.requestsPerWorker(40, 7, 4));
        assertEquals(AllocationProbe.MIN_REQUESTS, AllocationProbe.requestsPerWorker(1, 5, 4));
        assertEquals(AllocationProbe.MAX_REQUESTS, AllocationProbe.requestsPerWorker(100, 3600, 2));
    }

    @Test
    void probedSurvivorsReplaceTheScenariosAndRaiseAPeakBelowThem() {
        assertEquals(List.of("workload.trackedSurvivors=69"), ObservedSetupSimulation.survivorOverrides(69.2, 548));
        assertEquals(List.of("workload.trackedSurvivors=707", "workload.trackedAllocationsPeak=707"),
                ObservedSetupSimulation.survivorOverrides(707, 548));
        assertEquals(List.of(), ObservedSetupSimulation.survivorOverrides(Double.NaN, 548), "not probed");
    }
}
