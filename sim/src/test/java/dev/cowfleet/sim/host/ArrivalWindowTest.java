package dev.cowfleet.sim.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

class ArrivalWindowTest {
    private static final int TRIALS = 20_000;

    @Test
    void kthArrivalFallsWhereTheOrderStatisticSays() {
        ArrivalWindow window = new ArrivalWindow(new Well19937c(1));
        SummaryStatistics positions = new SummaryStatistics();
        for (int i = 0; i < TRIALS; i++) {
            window.open(10);
            window.placeMilestone(3);
            positions.addValue(window.milestonePosition());
        }
        // The 3rd of 10 uniforms is Beta(3, 8): mean 3/11, variance 3*8/(11^2*12).
        double sd = Math.sqrt(3.0 * 8.0 / (121.0 * 12.0));
        assertEquals(3.0 / 11.0, positions.getMean(), 4 * sd / Math.sqrt(TRIALS));
        assertEquals(sd, positions.getStandardDeviation(), 0.01);
    }

    @Test
    void countingAroundMilestonesKeepsThePoissonSplitExact() {
        // Whatever milestones are placed, the arrivals before position q must stay Binomial(m, q).
        ArrivalWindow window = new ArrivalWindow(new Well19937c(2));
        SummaryStatistics before = new SummaryStatistics();
        for (int i = 0; i < TRIALS; i++) {
            window.open(10);
            long counted = 0;
            window.placeMilestone(3);
            while (window.hasMilestone() && window.milestonePosition() <= 0.5) {
                counted += window.reachMilestone();
                window.placeMilestone(2);
            }
            counted += window.advanceTo(0.5);
            before.addValue(counted);
            long after = window.hasMilestone() ? window.reachMilestone() : 0;
            after += window.advanceTo(1.0);
            assertEquals(10, counted + after);
        }
        assertEquals(5.0, before.getMean(), 4 * Math.sqrt(2.5 / TRIALS));
        assertEquals(2.5, before.getVariance(), 0.1);
    }

    @Test
    void milestoneBeyondTheIntervalIsNotPlaced() {
        ArrivalWindow window = new ArrivalWindow(new Well19937c(3));
        window.open(4);
        assertFalse(window.placeMilestone(5));
        assertEquals(4, window.advanceTo(1.0));
    }

    @Test
    void advancingPastAPendingMilestoneStopsJustBeforeIt() {
        ArrivalWindow window = new ArrivalWindow(new Well19937c(4));
        window.open(5);
        window.placeMilestone(3);
        assertEquals(2, window.advanceTo(1.0));
        assertEquals(1, window.reachMilestone());
        assertEquals(2, window.advanceTo(1.0));
    }
}
