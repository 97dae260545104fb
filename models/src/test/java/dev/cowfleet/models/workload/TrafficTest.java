package dev.cowfleet.models.workload;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrafficTest {
    @Test
    void flatTrafficIntegratesAndInverts() {
        FlatTraffic t = new FlatTraffic(700);
        assertEquals(7000, t.integral(5, 15), 1e-9);
        assertEquals(15, t.timeWhenIntegralReaches(5, 7000), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, new FlatTraffic(0).timeWhenIntegralReaches(0, 1));
    }

    @Test
    void diurnalSinePeaksWhereAskedWithTheAskedRatioAndTheMeanOverADay() {
        DiurnalTraffic t = new DiurnalTraffic(1000, 2.5, 20 * 3600);
        assertEquals(2.5, t.rate(20 * 3600) / t.rate(8 * 3600), 1e-9);
        assertEquals(1000 * 86_400, t.integral(0, 86_400), 1e-6);
        double numeric = 0;
        int steps = 100_000;
        double h = 30_000.0 / steps;
        for (int i = 0; i < steps; i++) {
            numeric += t.rate(1000 + (i + 0.5) * h) * h;
        }
        assertEquals(numeric, t.integral(1000, 31_000), 1e-3);
        double at = t.timeWhenIntegralReaches(1000, 12_345_678);
        assertEquals(12_345_678, t.integral(1000, at), 1e-3);
    }
}
