package dev.cowfleet.sim.calibrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mechanism-by-mechanism explanation of missed cells, on a hand-built report. */
class GapExplanationTest {
    private static final double PAGE_MIB = 4096 / (1024.0 * 1024.0);
    private static final double EPS = 1e-9;

    /** 10 MiB measured at the start of shutdown, 20 predicted before the exit, exit copies 2,560 pages (10 MiB). */
    private static CalibrationCell shutdownMiss() {
        return CalibrationCell.of("3.11.7", "freeze", Phase.SHUTDOWN, 15, 30, 1280,
                Map.of("refcount", 0L, "gc", 0L, "allocator", 0L, "mutation", 0L, "shutdown", 2560L), 10, 0);
    }

    /** From 10 MiB at fork: refcount 1,280 pages (5 MiB), allocator 256 (1 MiB), own heap 2 MiB; measured +4 MiB. */
    private static CalibrationCell requestsMiss() {
        return CalibrationCell.of("3.11.7", "disable", Phase.REQUESTS, 14, 18, 1024,
                Map.of("refcount", 1280L, "gc", 0L, "allocator", 256L, "mutation", 0L, "shutdown", 0L), 10, 2);
    }

    private static CalibrationCell withinTolerance() {
        return CalibrationCell.of("3.11.7", "default", Phase.COLLECT, 20, 21, 0,
                Map.of("refcount", 0L, "gc", 0L, "allocator", 0L, "mutation", 0L, "shutdown", 0L), 20, 0);
    }

    private static CalibrationReport report(List<CalibrationCell> cells) {
        ProbeReport probe = new ProbeReport(1, new ProbeReport.PythonInfo("3.11.7", 16, 4096, "/usr/bin/python3"),
                "cowfleet_synthetic_app", null, 0, null, null, null, null, new ProbeReport.Experiment(2, 200, List.of()), null);
        return new CalibrationReport(probe, "heap: {}\n", cells, CalibrationReport.TOLERANCE);
    }

    private static GapExplanation.MechanismGap part(GapExplanation e, String mechanism) {
        return e.mechanisms().stream().filter(m -> m.mechanism().equals(mechanism)).findFirst().orElseThrow();
    }

    @Test
    void partsSumToTheGapAndTheLargestNamesTheCarrier() {
        GapExplanation e = GapExplanation.of(requestsMiss());
        assertEquals(4, e.gapMiB(), EPS);
        assertEquals(8, e.predictedGrowthMiB(), EPS);
        assertEquals(4, e.measuredGrowthMiB(), EPS);
        // measured growth is half the predicted growth: every mechanism is charged twice its measured share
        assertEquals(2.5, part(e, "refcount").measuredMiB(), EPS);
        assertEquals(2.5, part(e, "refcount").gapMiB(), EPS);
        assertEquals(1280, part(e, "refcount").predictedPages());
        assertEquals(0.5, part(e, "allocator").gapMiB(), EPS);
        assertEquals(1.0, part(e, GapExplanation.OWN_HEAP).gapMiB(), EPS);
        assertEquals(0, part(e, GapExplanation.EARLIER_PHASES).gapMiB(), EPS);
        assertEquals(e.gapMiB(), e.mechanisms().stream().mapToDouble(GapExplanation.MechanismGap::gapMiB).sum(), EPS);
        assertEquals("refcount", e.carriedBy());
        assertTrue(e.summary().startsWith("disable/requests +29% (+4.0 MiB): refcount carries +2.5 MiB"), e.summary());
    }

    @Test
    void aGapPresentBeforeThePhaseIsKeptApartFromThePhasesOwn() {
        GapExplanation e = GapExplanation.of(shutdownMiss());
        assertEquals(15, e.gapMiB(), EPS);
        assertEquals(10, part(e, GapExplanation.EARLIER_PHASES).gapMiB(), EPS);
        assertEquals(2560 * PAGE_MIB - 5, part(e, "shutdown").gapMiB(), EPS);
        assertEquals(GapExplanation.EARLIER_PHASES, e.carriedBy());
    }

    @Test
    void growthTheModelDoesNotPredictIsUnmodelled() {
        CalibrationCell cell = CalibrationCell.of("3.11.7", "default", Phase.COLLECT, 30, 20, 2560,
                Map.of("refcount", 0L, "gc", 0L, "allocator", 0L, "mutation", 0L, "shutdown", 0L), 20, 0);
        GapExplanation e = GapExplanation.of(cell);
        assertEquals(-10, part(e, GapExplanation.UNMODELLED).gapMiB(), EPS);
        assertEquals(GapExplanation.UNMODELLED, e.carriedBy());
    }

    @Test
    void tableListsOnlyMissedCellsByMechanism() {
        String table = CalibrationTable.render(report(List.of(requestsMiss(), withinTolerance())));
        assertTrue(table.contains("mechanism by mechanism"), table);
        assertTrue(table.contains("refcount carries +2.5 MiB"), table);
        assertTrue(table.lines().anyMatch(l -> l.trim().matches("refcount\\s+5\\.0\\s+1,280\\s+2\\.5\\s+\\+2\\.5")),
                table);
        assertFalse(table.contains("default/collect"), table);
    }

    @Test
    void jsonAddsAnExplanationToMissedCellsOnly(@TempDir Path dir) throws Exception {
        CalibrationWriter.write(report(List.of(requestsMiss(), withinTolerance())), dir.resolve("out"));
        JsonNode cells = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("out/calibration.json")));
        JsonNode missed = cells.get(0);
        for (String key : List.of("python", "policy", "phase", "measuredPrivateMiB", "predictedPrivateMiB",
                "relativeError")) {
            assertTrue(missed.has(key), key);
            assertTrue(cells.get(1).has(key), key);
        }
        assertEquals("refcount", missed.get("explanation").get("carriedBy").asString());
        assertEquals(4.0, missed.get("explanation").get("gapMiB").asDouble(), EPS);
        assertFalse(cells.get(1).has("explanation"));
    }
}
