package dev.cowfleet.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.result.TimeSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWritersTest {

    @Test
    void timeSeriesHasOneRowPerPolicyAndSampleWithEveryColumn() {
        List<String> lines = TimeSeriesCsv.render(Fixtures.run()).lines().toList();

        List<String> header = new ArrayList<>(List.of("policy", "seconds"));
        header.addAll(Fixtures.HOST_COLUMNS);
        assertEquals(String.join(",", header), lines.get(0));
        assertEquals(1 + 3 * 5, lines.size());
        for (String line : lines) {
            assertEquals(header.size(), line.split(",", -1).length, line);
        }
        // threshold0 at t = 600 s: gc band is 70 * 150 * 0.25 * 0.35 = 918.75 MiB.
        List<String> row = Arrays.asList(lines.get(1 + 5 + 1).split(","));
        assertEquals("threshold0", row.get(0));
        assertEquals("600", row.get(1));
        assertEquals("918.75", row.get(header.indexOf("gc")));
    }

    @Test
    void timeSeriesLeavesCellsEmptyForColumnsAPolicyLacks() {
        RunResult run = Fixtures.run();
        List<PolicyResult> policies = new ArrayList<>(run.policies());
        PolicyResult p = policies.get(2);
        TimeSeries narrow = new TimeSeries(new double[] {0, 60}, List.of("master"), new double[][] {{250}, {251}});
        policies.set(2, new PolicyResult(p.name(), p.description(), p.worker(), p.host(), p.copiedPagesBySource(),
                narrow, p.workerLifetime(), p.deployWindow(), p.savingsVsBaselineHostMemoryPercent(), p.kills()));
        List<String> lines = TimeSeriesCsv.render(new RunResult(run.scenario(), run.question(), run.seed(),
                run.replications(), run.baseline(), policies, run.inputs())).lines().toList();

        assertEquals("threshold0-exit,60,251,,,,,,,,,", lines.get(lines.size() - 1));
    }

    @Test
    void timeSeriesRejectsARaggedSeriesNamingThePolicy() {
        RunResult run = Fixtures.run();
        PolicyResult p = run.policies().get(0);
        TimeSeries ragged = new TimeSeries(new double[] {0, 60}, List.of("master", "gc"), new double[][] {{1, 2}, {3}});
        PolicyResult broken = new PolicyResult(p.name(), p.description(), p.worker(), p.host(),
                p.copiedPagesBySource(), ragged, p.workerLifetime(), p.deployWindow(),
                p.savingsVsBaselineHostMemoryPercent(), p.kills());
        RunResult bad = new RunResult(run.scenario(), run.question(), run.seed(), run.replications(),
                run.baseline(), List.of(broken), run.inputs());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeSeriesCsv.render(bad));
        assertTrue(e.getMessage().contains("'default'"), e.getMessage());
    }

    @Test
    void policiesHasOneRowPerPolicyInScenarioOrderWithCiBounds() {
        List<String> lines = PoliciesCsv.render(Fixtures.run()).lines().toList();
        assertEquals(4, lines.size());
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertTrue(header.containsAll(List.of("privateMeanMiB", "privateCi95LowMiB", "privateCi95HighMiB",
                "hostMemoryMeanMiB", "hostMemoryP99MiB", "savingsHostMemoryPercent", "copiedGcMiB",
                "copiedShutdownMiB", "copiedGcPages")), header.toString());

        List<String> threshold0 = fields(lines.get(2));
        assertEquals("threshold0", threshold0.get(0));
        assertEquals("false", threshold0.get(header.indexOf("baseline")));
        assertEquals("38.5", threshold0.get(header.indexOf("savingsHostMemoryPercent")));
        assertEquals("36.25", threshold0.get(header.indexOf("savingsCi95LowPercent")));
        assertEquals("52.5", threshold0.get(header.indexOf("copiedGcMiB")));
        assertTrue(lines.get(1).startsWith("default,true,\"CPython defaults, collector on\",70,"), lines.get(1));
        for (String line : lines) {
            assertEquals(header.size(), fields(line).size(), line);
        }
        assertEquals("gc.set_threshold(0) + os._exit, \"fast\" exit", fields(lines.get(3)).get(2));
    }

    @Test
    void quotesFieldsWithCommasAndDoublesEmbeddedQuotes() {
        String csv = PoliciesCsv.render(Fixtures.run());
        assertTrue(csv.contains("\"gc.set_threshold(0) + os._exit, \"\"fast\"\" exit\""), csv);
        assertEquals("plain", Csv.quote("plain"));
        assertEquals("\"two\nlines\"", Csv.quote("two\nlines"));
    }

    /** Splits one CSV line, honouring quotes, so a test cannot pass by luck of where commas fall. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    @Test
    void camelCasesSourceKeysForColumnNames() {
        assertEquals("HeapGrowth", PoliciesCsv.camel("heap-growth"));
        assertEquals("Gc", PoliciesCsv.camel("gc"));
    }
}
