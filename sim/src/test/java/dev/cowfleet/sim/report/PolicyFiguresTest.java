package dev.cowfleet.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.report.FigureValue.Num;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The figure declarations that summary.json, policies.csv and the tables are written from. */
class PolicyFiguresTest {

    @Test
    void everyColumnTheCsvOrderNamesIsAFigures() {
        Set<String> firstColumns = new HashSet<>();
        PolicyFigures.POLICY.stream().filter(f -> !f.csvColumns().isEmpty())
                .forEach(f -> firstColumns.add(f.csvColumns().get(0)));
        for (String column : PolicyFigures.CSV_ORDER) {
            assertTrue(firstColumns.contains(column), column + " is in CSV_ORDER but no figure's first column");
        }
    }

    /** Spreadsheets read policies.csv by position: the fixed columns keep the order they were published in. */
    @Test
    void theCsvKeepsItsPublishedColumnOrder() {
        String header = PoliciesCsv.render(Fixtures.run()).lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("policy,baseline,description,workers,sharedAfterForkMiB,privateMeanMiB,"
                + "privateCi95LowMiB,privateCi95HighMiB,privateP95MiB,privateP99MiB,privateMaxMiB,hostMemoryMeanMiB,"
                + "hostMemoryCi95LowMiB,hostMemoryCi95HighMiB,hostMemoryP95MiB,hostMemoryP99MiB,hostMemoryMaxMiB,"
                + "savingsHostMemoryPercent,savingsCi95LowPercent,savingsCi95HighPercent,cpuOverheadGcPercent,"
                + "cpuOverheadCowPercent,cpuOverheadShutdownPercent,fullCollectionsPerLifetime,requestsPerLifetime,"
                + "copiedRefcountMiB,copiedGcMiB,copiedAllocatorMiB,copiedMutationMiB,copiedShutdownMiB"), header);
    }

    @Test
    void noJsonPathOrCsvColumnIsDeclaredTwice() {
        Set<String> paths = new HashSet<>();
        Set<String> columns = new HashSet<>();
        for (Figure<PolicyResult> figure : PolicyFigures.POLICY) {
            if (figure.jsonPath() != null) {
                assertTrue(paths.add(figure.jsonPath()), figure.jsonPath());
            }
            figure.csvColumns().forEach(c -> assertTrue(columns.add(c), c));
        }
    }

    @Test
    void aPathMakesItsParentsOnFirstUseAndLaterKeysJoinThem() {
        List<Figure<Double>> figures = List.of(
                Figure.json("a.x", v -> new Num(v)),
                Figure.json("b", v -> new Num(2 * v)),
                Figure.json("a.y.z", v -> new Num(3 * v)),
                Figure.json("absent.w", v -> null));
        ObjectNode node = JsonOutput.object();
        Figure.putAll(node, figures, 1.5);

        assertEquals("{\"a\":{\"x\":1.5,\"y\":{\"z\":4.5}},\"b\":3}", node.toString());
    }

    /** A figure declared once, not listed in CSV_ORDER, goes last in its JSON object and last in the CSV. */
    @Test
    void aNewFigureReachesSummaryJsonAndTheCsvFromItsDeclarationAlone() {
        RunResult run = Fixtures.run();
        Figure<PolicyResult> added = Figure.both("worker.newFigure", "newFigureMiB",
                p -> new Num(p.worker().sharedAfterForkMiB() + 0.25));
        List<Figure<PolicyResult>> figures = new ArrayList<>(PolicyFigures.POLICY);
        figures.add(added);
        PolicyResult first = run.policies().get(0);

        ObjectNode node = JsonOutput.object();
        Figure.putAll(node, figures, first);
        List<String> workerKeys = List.copyOf(node.get("worker").propertyNames());
        assertEquals("newFigure", workerKeys.get(workerKeys.size() - 1));

        List<String> lines = PoliciesCsv.render(run, figures).lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        assertEquals("newFigureMiB", header.get(header.size() - 1));
        List<String> row = List.of(lines.get(1).split(",", -1));
        assertEquals(Numbers.machineText(first.worker().sharedAfterForkMiB() + 0.25), row.get(row.size() - 1));
        assertEquals(PoliciesCsv.render(run), String.join("\n", lines.stream()
                .map(l -> l.substring(0, l.lastIndexOf(','))).toList()) + "\n");
    }
}
