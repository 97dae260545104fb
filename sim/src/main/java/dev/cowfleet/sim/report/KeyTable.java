package dev.cowfleet.sim.report;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.sim.report.FigureValue.BySource;
import dev.cowfleet.sim.report.FigureValue.Cells;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Tables of every policy side by side, their columns declared with the figures ({@link PolicyFigures}): the
 * key table a reader compares policies with (shown by {@code cowfleet compare} and at the top of
 * report.html) and one worker's life. Means carry their 95% confidence half-width (Student t intervals are
 * symmetric about the mean).
 */
final class KeyTable {
    static final String BASELINE_MARK = " (baseline)";

    private KeyTable() {
    }

    static Table of(RunResult result) {
        return of(result, PolicyFigures.KEY_TABLE);
    }

    /** What one worker of each policy does in its life: requests, full collections, MiB copied by source. */
    static Table workers(RunResult result) {
        return of(result, PolicyFigures.WORKER_TABLE);
    }

    private static Table of(RunResult result, List<Figure.Column> figureColumns) {
        List<Table.Column> columns = new ArrayList<>(List.of(new Table.Column(List.of("policy"), false)));
        List<Function<PolicyResult, String>> cells = new ArrayList<>();
        for (Figure.Column column : figureColumns) {
            Figure<PolicyResult> first = column.figures().get(0);
            if (first.of(result.policies().get(0)) instanceof BySource) {
                for (CopySource source : sources(result, first)) {
                    columns.add(new Table.Column(column.heading().stream()
                            .map(h -> h.equals(Figure.SOURCE) ? source.key() : h).toList(), true));
                    cells.add(p -> {
                        Double value = ((BySource) first.of(p)).values().get(source);
                        return value == null ? "n/a" : Numbers.fixed(value, column.decimals());
                    });
                }
            } else {
                columns.add(new Table.Column(column.heading(), true));
                cells.add(p -> String.join(" / ", column.figures().stream()
                        .map(f -> ((Cells) f.of(p)).tableCell(column.decimals())).toList()));
            }
        }
        List<Table.Row> rows = new ArrayList<>();
        for (PolicyResult policy : result.policies()) {
            boolean baseline = policy.name().equals(result.baseline());
            List<String> row = new ArrayList<>(List.of(baseline ? policy.name() + BASELINE_MARK : policy.name()));
            cells.forEach(cell -> row.add(cell.apply(policy)));
            rows.add(new Table.Row(row, baseline));
        }
        return new Table(columns, rows);
    }

    /** The sources any policy has a figure for, in {@link CopySource} order. */
    static Set<CopySource> sources(RunResult result, Figure<PolicyResult> bySource) {
        Set<CopySource> sources = EnumSet.noneOf(CopySource.class);
        for (PolicyResult policy : result.policies()) {
            sources.addAll(((BySource) bySource.of(policy)).values().keySet());
        }
        return sources;
    }
}
