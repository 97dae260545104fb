package dev.cowfleet.sim.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the values of scenario files: sizes, durations, counts, fractions, rates and money.
 * Parsing is strict: where a unit is required a bare number is an error, and every error message
 * says the expected form ("expected a size like 250MiB, got '250'"). Results are in base units:
 * bytes (long), seconds (double), counts (long), fractions 0..1 (double), events per second (double).
 * Arithmetic goes through {@link BigDecimal} so that "1.5GiB" or "20us" resolve without rounding drift.
 */
public final class Units {

    public static final String SIZE = "a size like 250MiB";
    public static final String DURATION = "a duration like 90s";
    public static final String COUNT = "a count like 1.5M";
    public static final String FRACTION = "a fraction like 2% or 0.02";
    public static final String RATE = "a rate like 700/s";
    public static final String MONEY = "an amount like 0.768";

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?) ?([A-Za-zµ%]*)");
    private static final Pattern RATE_FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)([kKMBG]?) ?/ ?([a-z]+)");
    /** One number+unit part of a duration; "ms" is tried before "m" so "40ms" is not 40 minutes and an s. */
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d+(?:\\.\\d+)?");

    private static final long PLAIN_COUNT_LIMIT = 10_000;

    private static final Map<String, BigDecimal> SIZE_UNITS = orderedUnits(
            "TiB", pow(1024, 4), "GiB", pow(1024, 3), "MiB", pow(1024, 2), "KiB", pow(1024, 1),
            "TB", pow(1000, 4), "GB", pow(1000, 3), "MB", pow(1000, 2), "KB", pow(1000, 1), "B", BigDecimal.ONE);
    private static final Map<String, BigDecimal> DURATION_UNITS = orderedUnits(
            "d", new BigDecimal(86_400), "h", new BigDecimal(3_600), "m", new BigDecimal(60), "s", BigDecimal.ONE,
            "ms", new BigDecimal("1e-3"), "us", new BigDecimal("1e-6"), "µs", new BigDecimal("1e-6"),
            "ns", new BigDecimal("1e-9"));
    private static final Map<String, BigDecimal> COUNT_SUFFIXES = orderedUnits(
            "B", pow(1000, 3), "G", pow(1000, 3), "M", pow(1000, 2), "k", pow(1000, 1), "K", pow(1000, 1),
            "", BigDecimal.ONE);
    /** Rate denominators: per second, minute, hour, day. */
    private static final Map<String, BigDecimal> RATE_PERIODS = orderedUnits(
            "s", BigDecimal.ONE, "m", new BigDecimal(60), "h", new BigDecimal(3_600), "d", new BigDecimal(86_400));

    private Units() {
    }

    /** "250MiB", "4KiB", "1.5GiB", "200KB" (1000-based), "232B" to bytes. */
    public static long size(String text) {
        BigDecimal bytes = withUnit(text, SIZE_UNITS, SIZE, "size units: B, KB, MB, GB, TB, KiB, MiB, GiB, TiB");
        return toLong(bytes.setScale(0, RoundingMode.HALF_UP), text, SIZE);
    }

    /** "20us", "40ms", "90s", "5m", "24h", "2d" (also "20ns", and compounds like "1h30m") to seconds. */
    public static double duration(String text) {
        String t = trimmed(text, DURATION);
        Matcher part = DURATION_PART.matcher(t);
        BigDecimal seconds = BigDecimal.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            seconds = seconds.add(new BigDecimal(part.group(1)).multiply(DURATION_UNITS.get(part.group(2))));
            end = part.end();
        }
        if (end > 0 && end == t.length()) {
            return seconds.doubleValue();
        }
        return withUnit(text, DURATION_UNITS, DURATION, "duration units: ns, us, ms, s, m, h, d").doubleValue();
    }

    /** "70", "400k", "1.5M", "2B" (or "2G" = 2e9) to a whole count. */
    public static long count(String text) {
        Matcher m = NUMBER_AND_UNIT.matcher(trimmed(text, COUNT));
        if (!m.matches()) {
            throw bad(COUNT, text, null);
        }
        if (!COUNT_SUFFIXES.containsKey(m.group(2))) {
            throw bad(COUNT, text, "count suffixes: k, M, B");
        }
        BigDecimal value = new BigDecimal(m.group(1)).multiply(COUNT_SUFFIXES.get(m.group(2)));
        if (value.stripTrailingZeros().scale() > 0) {
            throw bad(COUNT, text, "not a whole number");
        }
        return toLong(value, text, COUNT);
    }

    /** "2%" or "0.02" to 0.02; must lie in 0..1. */
    public static double fraction(String text) {
        String t = trimmed(text, FRACTION);
        BigDecimal value;
        if (t.endsWith("%") && PLAIN_DECIMAL.matcher(t.substring(0, t.length() - 1).trim()).matches()) {
            value = new BigDecimal(t.substring(0, t.length() - 1).trim()).movePointLeft(2);
        } else if (PLAIN_DECIMAL.matcher(t).matches()) {
            value = new BigDecimal(t);
        } else {
            throw bad(FRACTION, text, null);
        }
        if (value.compareTo(BigDecimal.ONE) > 0) {
            throw bad(FRACTION, text, "at most 100%");
        }
        return value.doubleValue();
    }

    /** "700/s", "2M/s", "0.5/s", "3000/m", "1k/h" to events per second. */
    public static double rate(String text) {
        Matcher m = RATE_FORM.matcher(trimmed(text, RATE));
        if (!m.matches()) {
            throw bad(RATE, text, null);
        }
        if (!RATE_PERIODS.containsKey(m.group(3))) {
            throw bad(RATE, text, "per s, m, h or d");
        }
        BigDecimal events = new BigDecimal(m.group(1)).multiply(COUNT_SUFFIXES.get(m.group(2)));
        return events.divide(RATE_PERIODS.get(m.group(3)), 12, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** "0.768": a plain non-negative decimal (the currency is the user's). */
    public static double money(String text) {
        String t = trimmed(text, MONEY);
        if (!PLAIN_DECIMAL.matcher(t).matches()) {
            throw bad(MONEY, text, null);
        }
        return Double.parseDouble(t);
    }

    /** Bytes in the largest unit that shows them exactly with at most three decimals: "1.5GiB", "200KB", "232B". */
    public static String formatSize(long bytes) {
        return formatExact(BigDecimal.valueOf(bytes), SIZE_UNITS, 3, "B");
    }

    /** Seconds in the largest unit that shows them as a whole number: "90s", "2h", "20us". */
    public static String formatDuration(double seconds) {
        BigDecimal s = BigDecimal.valueOf(seconds);
        for (Map.Entry<String, BigDecimal> unit : DURATION_UNITS.entrySet()) {
            if (unit.getKey().equals("µs")) {
                continue;
            }
            BigDecimal v = s.divide(unit.getValue(), 9, RoundingMode.HALF_EVEN);
            if (v.compareTo(BigDecimal.ONE) >= 0 && v.stripTrailingZeros().scale() <= 0) {
                return plain(v) + unit.getKey();
            }
        }
        return seconds == 0 ? "0s" : plain(s.setScale(9, RoundingMode.HALF_EVEN)) + "s";
    }

    /**
     * A count with a k/M/B suffix where that is exact within two decimals: "1.5M", "400k"; below 10,000 the
     * plain number ("3000"), as people write max-requests and thresholds.
     */
    public static String formatCount(long count) {
        if (count < PLAIN_COUNT_LIMIT) {
            return Long.toString(count);
        }
        return formatExact(BigDecimal.valueOf(count), Map.of("B", pow(1000, 3), "M", pow(1000, 2), "k",
                pow(1000, 1)), 2, "");
    }

    /** A fraction as a percentage: 0.02 to "2%". */
    public static String formatFraction(double fraction) {
        return plain(BigDecimal.valueOf(fraction).movePointRight(2).setScale(4, RoundingMode.HALF_EVEN)) + "%";
    }

    /** Events per second: 700 to "700/s", 2e6 to "2M/s". */
    public static String formatRate(double perSecond) {
        BigDecimal r = BigDecimal.valueOf(perSecond);
        if (r.stripTrailingZeros().scale() <= 0 && r.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return formatCount(r.longValueExact()) + "/s";
        }
        return plain(r.setScale(6, RoundingMode.HALF_EVEN)) + "/s";
    }

    public static String formatMoney(double amount) {
        return formatNumber(amount);
    }

    /** A plain decimal without trailing zeros: 2.5 to "2.5", 3.0 to "3". */
    public static String formatNumber(double value) {
        return plain(BigDecimal.valueOf(value));
    }

    private static BigDecimal withUnit(String text, Map<String, BigDecimal> units, String form, String unitHint) {
        Matcher m = NUMBER_AND_UNIT.matcher(trimmed(text, form));
        if (!m.matches() || m.group(2).isEmpty()) {
            throw bad(form, text, null);
        }
        BigDecimal factor = units.get(m.group(2));
        if (factor == null) {
            throw bad(form, text, unitHint);
        }
        return new BigDecimal(m.group(1)).multiply(factor);
    }

    private static String formatExact(BigDecimal value, Map<String, BigDecimal> units, int maxDecimals,
                                      String baseUnit) {
        BigDecimal best = null;
        String bestUnit = baseUnit;
        for (Map.Entry<String, BigDecimal> unit : units.entrySet()) {
            BigDecimal v = value.divide(unit.getValue(), 12, RoundingMode.HALF_EVEN).stripTrailingZeros();
            boolean larger = best == null || unit.getValue().compareTo(units.get(bestUnit)) > 0;
            if (v.compareTo(BigDecimal.ONE) >= 0 && v.scale() <= maxDecimals && larger) {
                best = v;
                bestUnit = unit.getKey();
            }
        }
        return best == null ? plain(value) + baseUnit : plain(best) + bestUnit;
    }

    private static String trimmed(String text, String form) {
        if (text == null || text.isBlank()) {
            throw new ScenarioException("expected " + form + ", got nothing");
        }
        return text.trim();
    }

    private static long toLong(BigDecimal value, String text, String form) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw bad(form, text, "too large");
        }
    }

    private static ScenarioException bad(String form, String text, String hint) {
        return new ScenarioException("expected " + form + ", got '" + text + "'" + (hint == null ? "" : " (" + hint + ")"));
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static BigDecimal pow(int base, int exponent) {
        return BigDecimal.valueOf(base).pow(exponent);
    }

    private static Map<String, BigDecimal> orderedUnits(Object... pairs) {
        Map<String, BigDecimal> units = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            units.put((String) pairs[i], (BigDecimal) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(units);
    }
}
