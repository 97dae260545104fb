package dev.cowfleet.models.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cowfleet.models.runtime.ModelInputException;
import org.junit.jupiter.api.Test;

class CapacityTest {
    private static final double MIB = 1024.0 * 1024.0;

    @Test
    void workersFitBesideTheMaster() {
        // 64 GiB budget, 250 MiB master, 200 MiB per worker: (65536 - 250) / 200 = 326.43 -> 326.
        assertEquals(326, Capacity.workersThatFit(65536 * MIB, 250 * MIB, 200 * MIB));
        assertEquals(0, Capacity.workersThatFit(100 * MIB, 250 * MIB, 200 * MIB));
    }

    @Test
    void throughputIsBoundByWorkersOrCores() {
        // 70 workers, 40 ms CPU + 2% overhead, 60 ms I/O: workers bound 70 / 0.1008 = 694.4/s;
        // 32 cores bound 32 / 0.0408 = 784.3/s; at 60%: 416.67/s.
        assertEquals(0.6 * 70 / (0.0408 + 0.06), Capacity.requestsPerSecondPerHost(70, 32, 0.040, 0.02, 0.06, 0.6), 1e-9);
        // 400 workers on 32 cores: cores bound.
        assertEquals(0.6 * 32 / 0.0408, Capacity.requestsPerSecondPerHost(400, 32, 0.040, 0.02, 0.06, 0.6), 1e-9);
    }

    @Test
    void hostsAndMoney() {
        assertEquals(3, Capacity.hostsNeeded(1000, 400));
        assertEquals(2, Capacity.hostsNeeded(800, 400));
        assertEquals(0, Capacity.hostsNeeded(0, 400));
        assertEquals(2 * 1.5 * 8760, Capacity.annualCost(2, 1.5), 1e-9);
        assertEquals(1690, Capacity.grownPeak(1000, 0.3, 2), 1e-9);
        assertThrows(ModelInputException.class, () -> Capacity.hostsNeeded(10, 0));
    }

    /** Compound growth over centuries overflowed a long (1.8e19 hosts, every policy equal); it is an error now. */
    @Test
    void aHostCountBeyondAnyFleetIsAnError() {
        double grown = Capacity.grownPeak(1_000, 1.0, 1000); // +100% a year for 1000 years
        ModelInputException e = assertThrows(ModelInputException.class, () -> Capacity.hostsNeeded(grown, 400));
        assertEquals("fleet.peakRequestsPerSecond grown by fleet.growthPerYear over fleet.years is 1.07e+304 "
                + "requests/s, which would need 2.68e+301 hosts at 400.0 requests/s each; a plan is for at most "
                + "1,000,000,000 hosts", e.getMessage());
        assertThrows(ModelInputException.class, () -> Capacity.hostsNeeded(Double.POSITIVE_INFINITY, 400));
        assertEquals(1_000_000_000L, Capacity.hostsNeeded(400e9, 400));
    }
}
