package dev.cowfleet.models.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterpreterProfileTest {
    private static InterpreterProfile of(String v) {
        return InterpreterProfile.forVersion(PythonVersion.parse(v));
    }

    @Test
    void seriesThresholdsAndHeaders() {
        assertEquals("3.6", of("3.6").id());
        assertEquals(new GcThresholds(700, 10, 10), of("3.6").defaultThresholds());
        assertEquals(24, of("3.6").gcHeadBytes());
        assertEquals(24, of("3.7.3").gcHeadBytes());
        assertEquals(32, of("3.7.4").gcHeadBytes());
        assertEquals("3.8-3.11", of("3.11.7").id());
        assertEquals(16, of("3.9").gcHeadBytes());
        assertEquals(new GcThresholds(700, 10, 10), of("3.12").defaultThresholds());
        assertEquals(new GcThresholds(2000, 10, 10), of("3.13").defaultThresholds());
        assertEquals("3.14.0-3.14.4", of("3.14").id());
        assertEquals("3.14.0-3.14.4", of("3.14.4").id());
        assertEquals("3.14.5+", of("3.14.5").id());
        assertEquals(new GcThresholds(2000, 10, 10), of("3.14.5").defaultThresholds());
        assertEquals("3.11.7", PythonVersion.parse("3.11.7").toString());
        assertEquals("3.6", PythonVersion.parse("3.6").toString());
    }

    @Test
    void featuresByVersion() {
        assertFalse(of("3.6").supportsFreeze());
        assertTrue(of("3.7").supportsFreeze());
        assertFalse(of("3.11").supportsImmortalize());
        assertTrue(of("3.12").supportsImmortalize());
        assertEquals(0.01, of("3.14.0").incrementalOldFraction(), 1e-12);
        assertEquals(0, of("3.14.5").incrementalOldFraction());
        assertEquals(0, of("3.13").incrementalOldFraction());
        assertTrue(of("3.14.2").incremental());
    }

    @Test
    void finalCollectionsAtExit() {
        assertEquals(2, of("3.6").finalCollections(true), "CollectIfEnabled + PyImport_Cleanup's NoFail");
        assertEquals(1, of("3.6").finalCollections(false), "gc.disable() skips only CollectIfEnabled");
        assertEquals(1, of("3.10").finalCollections(true), "bpo-42208: only the unconditional one");
    }

    @Test
    void policiesDescribeThemselves() {
        GcPolicy p = new GcPolicy("t0x", GcMode.THRESHOLD0, null, false, false, false, ExitMode.OS_EXIT, 0, 0);
        assertEquals("gc.set_threshold(0) + os._exit at exit", p.describe());
        assertEquals("default GC", GcPolicy.defaults("d").describe());
    }
}
