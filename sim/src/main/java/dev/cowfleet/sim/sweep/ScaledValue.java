package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.scenario.ScenarioException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scales a scenario value as written, number and unit: {@code 250MiB} by 0.8 is {@code 200MiB}, {@code 60%}
 * by 1.2 is {@code 72%}. Keeping the unit means the result is parsed by the same rules as the file. A bare
 * whole number (a worker count) stays whole, since counts of things do not take fractions.
 */
final class ScaledValue {

    private static final Pattern NUMBER_THEN_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)(\\D.*)?");
    private static final MathContext SIGNIFICANT = new MathContext(6, RoundingMode.HALF_UP);

    private ScaledValue() {
    }

    static String scale(String key, String text, double factor) {
        Matcher m = NUMBER_THEN_UNIT.matcher(text.trim());
        if (!m.matches()) {
            throw new ScenarioException("tornado key '" + key + "': expected a numeric value like 250MiB or 60%, got '"
                    + text + "'");
        }
        String unit = m.group(2) == null ? "" : m.group(2);
        BigDecimal scaled = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
        boolean wholeCount = unit.isEmpty() && !m.group(1).contains(".");
        BigDecimal rounded = wholeCount ? scaled.setScale(0, RoundingMode.HALF_UP) : scaled.round(SIGNIFICANT);
        return rounded.stripTrailingZeros().toPlainString() + unit;
    }
}
