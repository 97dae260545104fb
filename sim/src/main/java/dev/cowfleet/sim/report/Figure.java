package dev.cowfleet.sim.report;

import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One figure of a result, declared once: where summary.json puts it (a dotted path; its parent objects are
 * made on first use, so keys follow the declaration order), which policies.csv columns it fills, and how to
 * read it from the result. A figure the result does not have (a plan's figures without a fleet) is null and
 * left out: no JSON key, empty CSV cells, and no CSV column at all when no policy has it.
 *
 * @param jsonPath   its place in summary.json, like {@code worker.privateMiB.p95}, or null when only in CSV
 * @param csvColumns its policies.csv columns (two for an interval; for a figure by source one pattern with
 *                   {@link #SOURCE}), empty when only in summary.json
 * @param value      the figure of one result, or null when that result has none
 */
record Figure<S>(String jsonPath, List<String> csvColumns, Function<S, FigureValue> value) {

    /** Where a figure by source names the source in its CSV column. */
    static final String SOURCE = "{source}";

    Figure {
        csvColumns = List.copyOf(csvColumns);
    }

    /**
     * A table column showing one figure of each row, or several joined by " / " (gc / cow / exit). A
     * figure by source becomes one column per source, named where {@link #SOURCE} stands in the heading.
     *
     * @param decimals places of a measured number
     */
    record Column<S>(List<String> heading, List<Figure<S>> figures, int decimals) {
        Column {
            heading = List.copyOf(heading);
            figures = List.copyOf(figures);
        }

        Column(List<String> heading, Figure<S> figure, int decimals) {
            this(heading, List.of(figure), decimals);
        }
    }

    /** A figure in summary.json and policies.csv. */
    static <S> Figure<S> both(String jsonPath, List<String> csvColumns, Function<S, FigureValue> value) {
        return new Figure<>(jsonPath, csvColumns, value);
    }

    static <S> Figure<S> both(String jsonPath, String csvColumn, Function<S, FigureValue> value) {
        return new Figure<>(jsonPath, List.of(csvColumn), value);
    }

    static <S> Figure<S> json(String jsonPath, Function<S, FigureValue> value) {
        return new Figure<>(jsonPath, List.of(), value);
    }

    static <S> Figure<S> csv(String csvColumn, Function<S, FigureValue> value) {
        return new Figure<>(null, List.of(csvColumn), value);
    }

    /** This figure of a part of a bigger result, under {@code prefix}; absent when the part is. */
    <P> Figure<P> under(String prefix, Function<P, S> part) {
        return new Figure<>(jsonPath == null ? null : prefix + "." + jsonPath, csvColumns, whole -> {
            S s = part.apply(whole);
            return s == null ? null : value.apply(s);
        });
    }

    FigureValue of(S source) {
        return value.apply(source);
    }

    /** Writes every figure {@code source} has into {@code node}, in declaration order. */
    static <S> void putAll(ObjectNode node, List<Figure<S>> figures, S source) {
        for (Figure<S> figure : figures) {
            FigureValue value = figure.jsonPath() == null ? null : figure.of(source);
            if (value == null) {
                continue;
            }
            String[] path = figure.jsonPath().split("\\.");
            ObjectNode parent = node;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = parent.get(path[i]);
                parent = child instanceof ObjectNode object ? object : parent.putObject(path[i]);
            }
            value.putJson(parent, path[path.length - 1]);
        }
    }
}
