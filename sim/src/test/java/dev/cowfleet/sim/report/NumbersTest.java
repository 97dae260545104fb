package dev.cowfleet.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void roundsHalfUpToThreeDecimalsInPlainNotation() {
        assertEquals("201.235", Numbers.machineText(201.23456));
        assertEquals("0.001", Numbers.machineText(0.0005));
        assertEquals("100", Numbers.machineText(100.0));
        assertEquals("1234567890", Numbers.machineText(1.23456789e9));
        assertEquals("-2.5", Numbers.machineText(-2.5));
    }

    @Test
    void leavesNonFiniteValuesOut() {
        assertNull(Numbers.machine(Double.NaN));
        assertEquals("", Numbers.machineText(Double.POSITIVE_INFINITY));
        assertEquals("n/a", Numbers.fixed(Double.NaN, 1));
    }

    @Test
    void formatsTablesWithoutLocaleOrNegativeZero() {
        assertEquals("1234.5", Numbers.fixed(1234.46, 1));
        assertEquals("0.0", Numbers.fixed(-0.01, 1));
        assertEquals("-0.1", Numbers.fixed(-0.06, 1));
    }
}
