package dev.cowfleet.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompareTableTest {

    @Test
    void marksTheBaselineAndShowsSavingsWithUnits() {
        String table = CompareTable.render(Fixtures.run());
        assertTrue(table.contains("default (baseline)"), table);
        assertTrue(table.contains("MiB ±CI95"), table);
        assertTrue(table.contains("% ±CI95"), table);
        assertTrue(table.contains("38.5 ±2.3"), table);
        assertTrue(table.contains("42.0 ±2.0"), table);
        assertTrue(table.startsWith("instagram-2017: Why did"), table);
    }

    @Test
    void alignsEveryColumnOfTheTable() {
        List<String> lines = CompareTable.render(Fixtures.run()).lines().toList();
        int rule = 0;
        while (!lines.get(rule).startsWith("---")) {
            rule++;
        }
        // The last column is right-aligned, so heading and data lines all end at the rule's width.
        int width = lines.get(rule).length();
        for (int i = rule - 3; i <= rule + 3; i++) {
            assertEquals(width, lines.get(i).length(), "line " + i + ": '" + lines.get(i) + "'");
        }
        // Right-aligned numbers: the workers column ends at the same position in every data row.
        int end = lines.get(rule - 1).indexOf("workers") + "workers".length();
        for (int i = rule + 1; i <= rule + 3; i++) {
            assertEquals("70", lines.get(i).substring(end - 2, end), lines.get(i));
        }
    }

    @Test
    void listsWhatEachPolicyDoes() {
        String table = CompareTable.render(Fixtures.run());
        assertTrue(table.contains("  threshold0-exit  gc.set_threshold(0) + os._exit"), table);
    }
}
