package dev.cowfleet.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeWeightedTest {

    @Test
    void handComputedTimeAverage() {
        // 2 on [0,3), 5 on [3,4), 0 on [4,10), 1 on [10,12]:
        // area = 2*3 + 5*1 + 0*6 + 1*2 = 13 over 12 seconds
        TimeWeighted workers = new TimeWeighted(0, 2);
        workers.update(3, 5);
        workers.update(4, 0);
        workers.update(10, 1);
        assertEquals(13.0, workers.integral(12), 1e-12);
        assertEquals(13.0 / 12, workers.mean(12), 1e-12);
        assertEquals(5.0, workers.max());
        assertEquals(0.0, workers.min());
        assertEquals(1.0, workers.value());
    }

    @Test
    void averageOfAnOffsetWindowUsesItsOwnStart() {
        TimeWeighted memory = new TimeWeighted(100, 4);
        memory.update(100, 8); // an immediate change counts for zero time
        memory.update(101, 2);
        assertEquals((8 * 1 + 2 * 3) / 4.0, memory.mean(104), 1e-12);
        assertEquals(8.0, memory.max());
        assertTrue(Double.isNaN(new TimeWeighted(5, 1).mean(5)));
    }

    @Test
    void rejectsTimeGoingBackwards() {
        TimeWeighted value = new TimeWeighted(0, 1);
        value.update(5, 2);
        IllegalArgumentException backwards =
                assertThrows(IllegalArgumentException.class, () -> value.update(4, 3));
        assertTrue(backwards.getMessage().contains("4.0"), backwards.getMessage());
        assertThrows(IllegalArgumentException.class, () -> value.mean(4.9));
        assertThrows(IllegalArgumentException.class, () -> value.update(6, Double.NaN));
    }
}
