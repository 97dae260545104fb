package dev.cowfleet.sim.report;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.sim.result.Estimate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The value of one {@link Figure} for one result, and how each output writes it: summary.json (numbers
 * rounded by {@link Numbers}, NaN as null), policies.csv cells and table cells.
 */
sealed interface FigureValue {

    /** Puts the value under {@code key} of {@code parent}. */
    void putJson(ObjectNode parent, String key);

    /** A value that fills fixed cells: the CSV columns its figure declares, one table cell. */
    sealed interface Cells extends FigureValue {

        /** The CSV cells, one per column the figure declares. */
        List<String> csvCells();

        /** The table cell, with {@code decimals} places where the value is a measured number. */
        String tableCell(int decimals);
    }

    record Num(double value) implements Cells {
        @Override
        public void putJson(ObjectNode parent, String key) {
            JsonOutput.number(parent, key, value);
        }

        @Override
        public List<String> csvCells() {
            return List.of(Numbers.machineText(value));
        }

        @Override
        public String tableCell(int decimals) {
            return Numbers.fixed(value, decimals);
        }
    }

    /** A count that is whole by construction (workers, hosts). */
    record Whole(long value) implements Cells {
        @Override
        public void putJson(ObjectNode parent, String key) {
            parent.put(key, value);
        }

        @Override
        public List<String> csvCells() {
            return List.of(Long.toString(value));
        }

        @Override
        public String tableCell(int decimals) {
            return Long.toString(value);
        }
    }

    record Text(String value) implements Cells {
        @Override
        public void putJson(ObjectNode parent, String key) {
            parent.put(key, value);
        }

        @Override
        public List<String> csvCells() {
            return List.of(value);
        }

        @Override
        public String tableCell(int decimals) {
            return value;
        }
    }

    /** The mean of an estimate; a table shows it with its confidence half-width ("128.8 ±0.2"). */
    record Mean(Estimate estimate) implements Cells {
        @Override
        public void putJson(ObjectNode parent, String key) {
            JsonOutput.number(parent, key, estimate.mean());
        }

        @Override
        public List<String> csvCells() {
            return List.of(Numbers.machineText(estimate.mean()));
        }

        @Override
        public String tableCell(int decimals) {
            return Numbers.withInterval(estimate, decimals);
        }
    }

    /** An amount of money: a plain number in summary.json, whole dollars in a table ("$1,200"). */
    record Money(double value) implements Cells {
        @Override
        public void putJson(ObjectNode parent, String key) {
            JsonOutput.number(parent, key, value);
        }

        @Override
        public List<String> csvCells() {
            return List.of(Numbers.machineText(value));
        }

        @Override
        public String tableCell(int decimals) {
            return Numbers.money(value);
        }
    }

    /** The mean of an estimated amount of money; a table shows it in whole dollars with its half-width. */
    record MoneyMean(Estimate estimate) implements Cells {
        @Override
        public void putJson(ObjectNode parent, String key) {
            JsonOutput.number(parent, key, estimate.mean());
        }

        @Override
        public List<String> csvCells() {
            return List.of(Numbers.machineText(estimate.mean()));
        }

        @Override
        public String tableCell(int decimals) {
            return Numbers.moneyWithInterval(estimate);
        }
    }

    /** The 95% confidence bounds of an estimate: a [low, high] array, or two CSV columns. */
    record Interval(Estimate estimate) implements Cells {
        @Override
        public void putJson(ObjectNode parent, String key) {
            ArrayNode array = parent.putArray(key);
            JsonOutput.add(array, estimate.ci95Low());
            JsonOutput.add(array, estimate.ci95High());
        }

        @Override
        public List<String> csvCells() {
            return List.of(Numbers.machineText(estimate.ci95Low()), Numbers.machineText(estimate.ci95High()));
        }

        @Override
        public String tableCell(int decimals) {
            return Numbers.fixed(estimate.ci95Low(), decimals) + " .. " + Numbers.fixed(estimate.ci95High(), decimals);
        }
    }

    /**
     * A figure per copy source, in {@link CopySource} order; a source absent from the map has no figure. It
     * fills one CSV column per source, named by its figure's column pattern ({@link Figure#SOURCE}).
     */
    record BySource(Map<CopySource, Double> values) implements FigureValue {
        @Override
        public void putJson(ObjectNode parent, String key) {
            ObjectNode node = parent.putObject(key);
            for (CopySource source : CopySource.values()) {
                if (values.containsKey(source)) {
                    JsonOutput.number(node, source.key(), values.get(source));
                }
            }
        }

        /** The cell of {@code source}: empty when this result has no figure for it. */
        String csvCell(CopySource source) {
            Double value = values.get(source);
            return value == null ? "" : Numbers.machineText(value);
        }
    }

    /** A list of texts, like a plan's warnings. */
    record Texts(List<String> values) implements FigureValue {
        @Override
        public void putJson(ObjectNode parent, String key) {
            ArrayNode array = parent.putArray(key);
            values.forEach(array::add);
        }
    }

    /** A list of items, each described by its own figures, like a plan's host types. */
    record Items<S>(List<S> items, List<Figure<S>> figures) implements FigureValue {
        @Override
        public void putJson(ObjectNode parent, String key) {
            ArrayNode array = parent.putArray(key);
            for (S item : items) {
                Figure.putAll(array.addObject(), figures, item);
            }
        }
    }
}
