package dev.cowfleet.sim.calibrate;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HotSetFitTest {

    private static List<List<Long>> curve(double n, double hot, double share, long... ks) {
        List<List<Long>> points = new ArrayList<>();
        for (long k : ks) {
            points.add(List.of(k, Math.round(HotSetFit.pages(n, hot, share, k))));
        }
        return points;
    }

    @Test
    void recoversTheHotSetAndTouchesThatMadeACurve() {
        HotSetFit fit = HotSetFit.fit(curve(10_000, 6_000, 0.05, 1, 10, 100, 400), 10_000, 200_000);
        assertEquals(6_000, fit.hotObjects(), 6_000 * 0.05);
        assertEquals(300, fit.touches(), 300 * 0.1);
        assertTrue(fit.worstError() < 0.02, "worst " + fit.worstError());
    }

    @Test
    void aFirstRequestThatTouchesAlmostEverythingFitsASaturatedCurve() {
        // the shape djangoshop shows: 92% of the asymptote after one request
        HotSetFit fit = HotSetFit.fit(List.of(List.of(1L, 4057L), List.of(10L, 4360L), List.of(100L, 4414L)),
                10_400, 242_000);
        assertTrue(fit.touches() > 0.8 * fit.hotObjects(), fit.toString());
        assertTrue(fit.worstError() < 0.05, fit.toString());
    }

    @Test
    void noCopiedPageMeansNoTouch() {
        assertEquals(0, HotSetFit.fit(List.of(List.of(1L, 0L), List.of(10L, 0L)), 1000, 5000).touches());
    }

    @Test
    void pagesTheAllocatorFillsLeaveTheCurveBeforeTheFit() {
        // 3% free slots in half-empty pools: 6% of 10,000 object pages hold them
        assertEquals(600, MeasuredInputs.holePages(0.03, 10_000));
        // 1,000 free slots: a 100-slot peak plus 100 slots per request fills 20% after 1 request, all after 9
        List<List<Long>> curve = List.of(List.of(1L, 4000L), List.of(10L, 5000L));
        assertEquals(List.of(List.of(1L, 3880L), List.of(10L, 4400L)),
                MeasuredInputs.withoutHoleFills(curve, 600, 100, 100, 1000));
        HotSetFit with = HotSetFit.fit(curve(10_000, 6_000, 0.5, 1, 10, 100), 10_000, 200_000);
        HotSetFit without = HotSetFit.fit(MeasuredInputs.withoutHoleFills(curve(10_000, 6_000, 0.5, 1, 10, 100), 600, 100, 100, 1000),
                10_000, 200_000);
        assertTrue(without.hotObjects() < with.hotObjects(), with + " vs " + without);
    }
}
