package dev.cowfleet.sim.report;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.sim.report.FigureValue.BySource;
import dev.cowfleet.sim.report.FigureValue.Cells;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * policies.csv: one row per policy in scenario order with its key figures and the 95% confidence
 * bounds of every estimated mean, for spreadsheets. Column names carry their unit (MiB, Percent).
 * The columns and their order are declared with the figures ({@link PolicyFigures}); a figure no policy
 * has (workers killed, in a run that does not count them) has no column.
 */
public final class PoliciesCsv {
    public static final String FILE_NAME = "policies.csv";

    private PoliciesCsv() {
    }

    public static String render(RunResult result) {
        return render(result, PolicyFigures.POLICY);
    }

    static String render(RunResult result, List<Figure<PolicyResult>> figures) {
        List<String> header = new ArrayList<>(List.of("policy", "baseline"));
        List<List<String>> rows = new ArrayList<>();
        for (PolicyResult policy : result.policies()) {
            boolean baseline = policy.name().equals(result.baseline());
            rows.add(new ArrayList<>(List.of(policy.name(), Boolean.toString(baseline))));
        }
        for (Figure<PolicyResult> figure : inCsvOrder(figures)) {
            List<PolicyResult> policies = result.policies();
            if (policies.stream().map(figure::of).allMatch(Objects::isNull)) {
                continue;
            }
            if (figure.of(policies.get(0)) instanceof BySource) {
                Set<CopySource> sources = FigureTable.sources(result.policies(), figure);
                sources.forEach(source -> header.add(figure.csvColumns().get(0)
                        .replace(Figure.SOURCE, camel(source.key()))));
                for (int i = 0; i < policies.size(); i++) {
                    BySource value = (BySource) figure.of(policies.get(i));
                    List<String> row = rows.get(i);
                    sources.forEach(source -> row.add(value.csvCell(source)));
                }
            } else {
                header.addAll(figure.csvColumns());
                for (int i = 0; i < policies.size(); i++) {
                    Cells value = (Cells) figure.of(policies.get(i));
                    rows.get(i).addAll(value == null ? emptyCells(figure) : value.csvCells());
                }
            }
        }
        Csv csv = new Csv(header);
        rows.forEach(csv::row);
        return csv.text();
    }

    /** The figures with CSV columns: those {@link PolicyFigures#CSV_ORDER} lists in its order, then the rest. */
    private static List<Figure<PolicyResult>> inCsvOrder(List<Figure<PolicyResult>> figures) {
        List<String> order = PolicyFigures.CSV_ORDER;
        return figures.stream().filter(f -> !f.csvColumns().isEmpty())
                .sorted(Comparator.comparingInt(f -> {
                    int position = order.indexOf(f.csvColumns().get(0));
                    return position < 0 ? order.size() : position;
                })).toList();
    }

    private static List<String> emptyCells(Figure<PolicyResult> figure) {
        return figure.csvColumns().stream().map(c -> "").toList();
    }

    /** "heap-growth" becomes "HeapGrowth", so a source key fits into a camel-case column name. */
    static String camel(String key) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : key.toCharArray()) {
            if (c == '-' || c == '_' || c == '.') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
