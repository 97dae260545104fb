package dev.cowfleet.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {

    /**
     * Student (1908), "The probable error of a mean", Biometrika 6(1): Cushny and Peebles' extra
     * hours of sleep, drug 2 minus drug 1, for ten patients (R's {@code datasets::sleep}). The
     * paired t test, {@code t.test(extra ~ group, data = sleep, paired = TRUE)}, reports
     * t = -4.0621, df = 9 and the 95% interval (-2.4598858, -0.7001142) for drug 1 minus drug 2,
     * i.e. (0.7001142, 2.4598858) for these differences; mean 1.58.
     */
    @Test
    void matchesStudentsSleepDataInterval() {
        ReplicationStats differences = new ReplicationStats();
        for (double d : new double[] {1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4}) {
            differences.add(d);
        }
        ConfidenceInterval interval = differences.confidenceInterval(0.95);
        assertEquals(1.58, interval.mean(), 1e-12);
        assertEquals(0.7001142, interval.low(), 1e-6);
        assertEquals(2.4598858, interval.high(), 1e-6);
        assertEquals(10, interval.samples());
        // t statistic of the published test: mean / (sd / sqrt(n))
        assertEquals(4.0621, differences.mean() / (differences.standardDeviation() / Math.sqrt(10)), 1e-4);
    }

    @Test
    void mergedReplicationsGiveTheSameInterval() {
        ReplicationStats first = new ReplicationStats();
        ReplicationStats second = new ReplicationStats();
        double[] values = {1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4};
        for (int i = 0; i < values.length; i++) {
            (i < 4 ? first : second).add(values[i]);
        }
        first.merge(second);
        assertEquals(0.7001142, first.confidenceInterval(0.95).low(), 1e-6);
    }

    @Test
    void singleReplicationCollapsesToTheMean() {
        ReplicationStats one = new ReplicationStats();
        one.add(3.0);
        ConfidenceInterval interval = one.confidenceInterval(0.95);
        assertEquals(3.0, interval.low());
        assertEquals(3.0, interval.high());
        assertEquals(1, interval.samples());
    }

    @Test
    void rejectsBadLevelsAndEmptyInput() {
        ReplicationStats stats = new ReplicationStats();
        assertThrows(IllegalStateException.class, () -> stats.confidenceInterval(0.95));
        stats.add(1);
        IllegalArgumentException level =
                assertThrows(IllegalArgumentException.class, () -> stats.confidenceInterval(95));
        assertTrue(level.getMessage().contains("95"), level.getMessage());
    }
}
