package dev.cowfleet.sim.report;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.sim.report.FigureValue.BySource;
import dev.cowfleet.sim.report.FigureValue.Cells;
import dev.cowfleet.sim.report.FigureValue.Text;
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
 * report.html), one worker's life, and the capacity plan's. Each row starts with its policy, the
 * baseline's marked because savings are measured against it. Means carry their 95% confidence half-width
 * (Student t intervals are symmetric about the mean).
 */
final class FigureTable {
    static final String BASELINE_MARK = " (baseline)";

    private FigureTable() {
    }

    static Table keyFigures(RunResult result) {
        return of(result, List::of, PolicyFigures.KEY_TABLE);
    }

    /** What one worker of each policy does in its life: requests, full collections, MiB copied by source. */
    static Table workers(RunResult result) {
        return of(result, List::of, PolicyFigures.WORKER_TABLE);
    }

    /**
     * @param rowsOf the rows a policy has, like one per host type of its plan (none: the policy is left out)
     */
    static <S> Table of(RunResult result, Function<PolicyResult, List<S>> rowsOf, List<Figure.Column<S>> figureColumns) {
        List<S> allRows = result.policies().stream().flatMap(p -> rowsOf.apply(p).stream()).toList();
        List<Table.Column> columns = new ArrayList<>(List.of(new Table.Column(List.of("policy"), false)));
        List<Function<S, String>> cells = new ArrayList<>();
        for (Figure.Column<S> column : figureColumns) {
            Figure<S> first = column.figures().get(0);
            FigureValue sample = allRows.isEmpty() ? null : first.of(allRows.get(0));
            if (sample instanceof BySource) {
                for (CopySource source : sources(allRows, first)) {
                    columns.add(new Table.Column(column.heading().stream()
                            .map(h -> h.equals(Figure.SOURCE) ? source.key() : h).toList(), true));
                    cells.add(row -> {
                        Double value = ((BySource) first.of(row)).values().get(source);
                        return value == null ? "n/a" : Numbers.fixed(value, column.decimals());
                    });
                }
            } else {
                columns.add(new Table.Column(column.heading(), !(sample instanceof Text)));
                cells.add(row -> String.join(" / ", column.figures().stream()
                        .map(f -> ((Cells) f.of(row)).tableCell(column.decimals())).toList()));
            }
        }
        List<Table.Row> rows = new ArrayList<>();
        for (PolicyResult policy : result.policies()) {
            boolean baseline = policy.name().equals(result.baseline());
            for (S item : rowsOf.apply(policy)) {
                List<String> row = new ArrayList<>(List.of(baseline ? policy.name() + BASELINE_MARK : policy.name()));
                cells.forEach(cell -> row.add(cell.apply(item)));
                rows.add(new Table.Row(row, baseline));
            }
        }
        return new Table(columns, rows);
    }

    /** The sources any row has a figure for, in {@link CopySource} order. */
    static <S> Set<CopySource> sources(List<S> rows, Figure<S> bySource) {
        Set<CopySource> sources = EnumSet.noneOf(CopySource.class);
        for (S row : rows) {
            sources.addAll(((BySource) bySource.of(row)).values().keySet());
        }
        return sources;
    }
}
