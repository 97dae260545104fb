package dev.cowfleet.sim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The value kinds of the scenario schema, built on {@link Units}. */
final class Kinds {

    static final ValueKind<Long> SIZE = scalar(Units.SIZE, Units::size, Units::formatSize, UnitSchemas.SIZE);
    static final ValueKind<Double> DURATION = scalar(Units.DURATION, Units::duration, Units::formatDuration,
            UnitSchemas.DURATION);
    static final ValueKind<Long> COUNT = scalar(Units.COUNT, Units::count, Units::formatCount, UnitSchemas.COUNT);
    /** A count CPython keeps in a C int (gc thresholds and generation counts): larger values cannot occur. */
    static final ValueKind<Long> C_INT_COUNT = scalar(Units.COUNT, Kinds::cIntCount, Units::formatCount,
            UnitSchemas.COUNT);
    static final ValueKind<Double> FRACTION = scalar(Units.FRACTION, Units::fraction, Units::formatFraction,
            UnitSchemas.FRACTION);
    static final ValueKind<Double> RATE = scalar(Units.RATE, Units::rate, Units::formatRate, UnitSchemas.RATE);
    static final ValueKind<Boolean> BOOLEAN = scalar("true or false", Kinds::bool, String::valueOf,
            UnitSchemas.BOOLEAN);
    static final ValueKind<String> TEXT = scalar("a text", Kinds::nonBlank, text -> text, UnitSchemas.SCALAR);
    static final ValueKind<String> QUESTION = scalar("the question the scenario answers, like \"Why did "
            + "gc.set_threshold(0) save 8 GB per host?\"", Kinds::nonBlank, text -> text,
            UnitSchemas.object("type", "string", "minLength", 1));
    /** A plain whole number without suffix, for seeds. */
    static final ValueKind<Long> WHOLE_NUMBER = scalar("a whole number like 2017", Kinds::wholeNumber,
            String::valueOf, UnitSchemas.WHOLE_NUMBER);
    /** A plain ratio of at least 1, for peak-to-trough traffic. */
    static final ValueKind<Double> RATIO = scalar("a ratio like 2.5 (at least 1)", Kinds::ratio, Units::formatNumber,
            UnitSchemas.RATIO);
    static final ValueKind<List<Double>> DURATIONS = listOf(DURATION, "a list of durations like [1h, 13h]");

    private Kinds() {
    }

    private static long cIntCount(String text) {
        long count = Units.count(text);
        if (count > Integer.MAX_VALUE) {
            throw new ScenarioException("expected at most " + Integer.MAX_VALUE + " (CPython keeps it in a C int), got '"
                    + text.trim() + "'");
        }
        return count;
    }

    /** One of a fixed set of names, e.g. {@code uwsgi | gunicorn}, listed in errors in the given order. */
    static <E> ValueKind<E> oneOf(List<Map.Entry<String, E>> names) {
        Map<String, E> byName = new LinkedHashMap<>();
        names.forEach(e -> byName.put(e.getKey(), e.getValue()));
        String listed = String.join(", ", byName.keySet());
        Function<E, String> nameOf = value -> names.stream()
                .filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey).findFirst().orElseThrow();
        return scalar("one of " + listed, text -> {
            E value = byName.get(text);
            if (value == null) {
                throw new ScenarioException("expected one of " + listed + ", got '" + text + "'"
                        + Suggestions.didYouMean(text, byName.keySet()));
            }
            return value;
        }, nameOf, UnitSchemas.names(List.copyOf(byName.keySet())));
    }

    /** A YAML list whose items are all of {@code element}'s kind. */
    static <T> ValueKind<List<T>> listOf(ValueKind<T> element, String expected) {
        return new ValueKind<>() {
            @Override
            public String expected() {
                return expected;
            }

            @Override
            public List<T> read(Node node, String keyPath) {
                if (!(node instanceof Node.Sequence list)) {
                    throw ScenarioException.at(node.where(), keyPath, "expected " + expected + ", got " + node.describe());
                }
                List<T> values = new ArrayList<>();
                for (Node item : list.items()) {
                    values.add(element.read(item, keyPath));
                }
                return List.copyOf(values);
            }

            @Override
            public String format(List<T> values) {
                return values.stream().map(element::format).collect(Collectors.joining(", ", "[", "]"));
            }

            @Override
            public Map<String, Object> schema() {
                return UnitSchemas.list(element.schema(), 0, null);
            }
        };
    }

    /** A kind read from one scalar's text by {@code parse}, which throws "expected ..., got ..." problems. */
    static <T> ValueKind<T> scalar(String expected, Function<String, T> parse, Function<T, String> format,
                                   Map<String, Object> schema) {
        return new ValueKind<>() {
            @Override
            public String expected() {
                return expected;
            }

            @Override
            public T read(Node node, String keyPath) {
                if (!(node instanceof Node.Scalar scalar) || scalar.isNull()) {
                    throw ScenarioException.at(node.where(), keyPath, "expected " + expected + ", got " + node.describe());
                }
                try {
                    return parse.apply(scalar.text());
                } catch (ScenarioException problem) {
                    throw ScenarioException.at(node.where(), keyPath, problem.getMessage());
                }
            }

            @Override
            public String format(T value) {
                return format.apply(value);
            }

            @Override
            public Map<String, Object> schema() {
                return schema;
            }
        };
    }

    private static boolean bool(String text) {
        switch (text) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new ScenarioException("expected true or false, got '" + text + "'");
        }
    }

    private static String nonBlank(String text) {
        if (text.isBlank()) {
            throw new ScenarioException("expected a text, got nothing");
        }
        return text;
    }

    private static long wholeNumber(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ScenarioException("expected a whole number like 2017, got '" + text + "'");
        }
    }

    private static double ratio(String text) {
        String t = text.trim();
        if (!t.matches("\\d+(\\.\\d+)?") || Double.parseDouble(t) < 1) {
            throw new ScenarioException("expected a ratio like 2.5 (at least 1), got '" + text + "'");
        }
        return Double.parseDouble(t);
    }
}
