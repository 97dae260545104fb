package dev.cowfleet.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capacity plan reaches report.html, its charts and the terminal from one set of tables. */
class CapacityReportTest {
    private static final RunInfo INFO = new RunInfo(1.0, 1, "local", "0.1.0");
    private static final List<String> PLAN_CHARTS = List.of(HostsAndCostChart.FILE_STEM, FleetMemoryChart.FILE_STEM);

    @TempDir
    Path parent;

    @Test
    void aPlannedRunGetsTheCapacitySectionAndBothChartsInTheReport() throws IOException {
        Path out = parent.resolve("planned");
        ReportWriter.write(Fixtures.planned(), INFO, out, "run");
        String html = Files.readString(out.resolve("report.html"));

        assertTrue(html.contains("<h2 id=\"capacity\">Capacity plan</h2>"), "capacity section");
        assertTrue(html.contains("<table class=\"capacity\">"), "totals table");
        assertTrue(html.contains("<table class=\"capacity-hosts\">"), "per host type table");
        assertTrue(html.contains("<table class=\"fleet\">"), "today's fleet table");
        // The baseline's total row is marked and carries its interval.
        assertTrue(html.contains("<tr class=\"marked\"><td>default (baseline)</td><td class=\"num\">122</td>"), html);
        assertTrue(html.contains("<td class=\"num\">9000 ±40</td>"), "hosts needed ± CI");
        assertTrue(html.contains("<td>r-24g</td>"), "host type row");
        assertTrue(html.contains("<li>threshold0: host.workers=70 does not fit m-16g&#39;s &lt;budget&gt; at p99</li>"),
                "warning, escaped");
        for (String chart : PLAN_CHARTS) {
            assertTrue(html.contains("id=\"chart-" + chart + "\""), chart + " not in report.html");
            assertTrue(Files.size(out.resolve(chart + ".png")) > 0, chart + ".png");
            assertTrue(Files.size(out.resolve(chart + ".svg")) > 0, chart + ".svg");
        }
    }

    @Test
    void aSingleHostRunHasNoCapacitySectionNorPlanCharts() throws IOException {
        Path out = parent.resolve("single");
        ReportWriter.write(Fixtures.run(), INFO, out, "run");
        String html = Files.readString(out.resolve("report.html"));

        assertFalse(html.contains("Capacity plan"));
        for (String chart : PLAN_CHARTS) {
            assertFalse(html.contains("chart-" + chart), chart);
            assertFalse(Files.exists(out.resolve(chart + ".png")), chart);
        }
    }

    @Test
    void theTerminalTableShowsEveryPolicyAndHostTypeAndTheWarnings() {
        String text = CapacityTable.render(Fixtures.planned());
        String[] lines = text.split("\n");
        long hostTypeRows = text.lines().filter(l -> l.contains("m-16g") || l.contains("r-24g")).count();
        assertEquals(3 * 2 + 1, hostTypeRows, text); // plus the warning that names m-16g
        assertTrue(text.contains("default (baseline)"), text);
        assertTrue(text.contains("$70,956,000 ±$250,000"), text);
        assertTrue(text.contains("warning: threshold0: host.workers=70"), text);
        assertTrue(lines[0].startsWith("instagram-2017: "), lines[0]);
    }

    @Test
    void moneyPutsTheSignBeforeTheDollar() {
        assertEquals("-$97,190,448", Numbers.money(-97_190_448.2));
        assertEquals("$0", Numbers.money(-0.4));
        assertEquals("n/a", Numbers.money(Double.NaN));
    }

    @Test
    void tablesLeaveOutPoliciesWithoutAPlan() {
        RunResult mixed = ReportWriterTest.withPolicies(Fixtures.planned(),
                p -> p.name().equals("threshold0") ? p.withPlan(null, null) : p);
        assertEquals(2, CapacityTables.totals(mixed).rows().size());
        assertEquals(4, CapacityTables.byHostType(mixed).rows().size());
        assertEquals(2, CapacityTables.fleet(mixed).rows().size());
        assertEquals(List.of(), CapacityTables.warnings(mixed));
    }
}
