package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.result.Estimate;
import dev.cowfleet.sim.result.PolicyResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sweep.csv}: one row per point and policy, the varied keys' values first. A fleet sweep reports
 * the capacity plan (hosts, cost, saving); a single-host sweep reports host memory and its saving. Each
 * figure comes as mean and 95% confidence bounds ({@link SweepFigures}).
 */
final class SweepCsv {

    private static final MathContext SIGNIFICANT = new MathContext(8);

    private SweepCsv() {
    }

    static String render(List<String> keys, List<PointResult> points) {
        List<SweepFigures> figures = SweepFigures.of(points);
        List<String> header = new ArrayList<>(keys);
        header.add("policy");
        for (SweepFigures figure : figures) {
            header.add(figure.column() + "Mean");
            header.add(figure.column() + "Ci95Low");
            header.add(figure.column() + "Ci95High");
        }
        StringBuilder text = new StringBuilder(line(header));
        for (PointResult point : points) {
            for (PolicyResult policy : point.result().policies()) {
                List<String> row = new ArrayList<>(point.point().values());
                row.add(policy.name());
                for (SweepFigures figure : figures) {
                    Estimate e = figure.value().apply(policy);
                    row.add(number(e.mean()));
                    row.add(number(e.ci95Low()));
                    row.add(number(e.ci95High()));
                }
                text.append(line(row));
            }
        }
        return text.toString();
    }

    private static String line(List<String> fields) {
        return String.join(",", fields.stream().map(SweepCsv::quote).toList()) + "\n";
    }

    /** RFC 4180: a field is quoted only when it holds a comma, quote or line break. */
    private static String quote(String field) {
        return field.matches("[^,\"\r\n]*") ? field : '"' + field.replace("\"", "\"\"") + '"';
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }
}
