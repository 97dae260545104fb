package dev.cowfleet.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimeUnitTest {

    @Test
    void picksTheLargestUnitTheSpanHoldsTwice() {
        assertEquals(TimeUnit.SECONDS, TimeUnit.forSpan(119));
        assertEquals(TimeUnit.MINUTES, TimeUnit.forSpan(120));
        assertEquals(TimeUnit.MINUTES, TimeUnit.forSpan(7199));
        assertEquals(TimeUnit.HOURS, TimeUnit.forSpan(7200));
    }

    @Test
    void convertsAndLabels() {
        assertEquals(1.5, TimeUnit.HOURS.of(5400));
        assertEquals("worker age (min)", TimeUnit.MINUTES.label("worker age"));
    }
}
