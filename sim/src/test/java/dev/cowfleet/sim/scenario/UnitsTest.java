package dev.cowfleet.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource({"232B, 232", "200KB, 200000", "3MB, 3000000", "2GB, 2000000000", "1TB, 1000000000000",
            "4KiB, 4096", "250MiB, 262144000", "1.5GiB, 1610612736", "1TiB, 1099511627776", "0B, 0",
            "'  64GiB ', 68719476736", "250 MiB, 262144000"})
    void sizes(String text, long bytes) {
        assertEquals(bytes, Units.size(text));
    }

    @ParameterizedTest
    @CsvSource({"20ns, 2e-8", "20us, 2e-5", "20µs, 2e-5", "40ms, 0.04", "90s, 90", "5m, 300", "24h, 86400",
            "2d, 172800", "1h30m, 5400", "2m30s, 150", "1.5s, 1.5"})
    void durations(String text, double seconds) {
        assertEquals(seconds, Units.duration(text), seconds * 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "70, 70", "400k, 400000", "400K, 400000", "1.5M, 1500000", "2B, 2000000000",
            "2G, 2000000000", "1.1M, 1100000"})
    void counts(String text, long count) {
        assertEquals(count, Units.count(text));
    }

    @ParameterizedTest
    @CsvSource({"2%, 0.02", "0.02, 0.02", "60%, 0.6", "100%, 1", "0, 0", "1, 1", "2.5%, 0.025"})
    void fractions(String text, double fraction) {
        assertEquals(fraction, Units.fraction(text), 1e-15);
    }

    @ParameterizedTest
    @CsvSource({"700/s, 700", "2M/s, 2000000", "0.5/s, 0.5", "3000/m, 50", "36k/h, 10", "86400/d, 1"})
    void rates(String text, double perSecond) {
        assertEquals(perSecond, Units.rate(text), 1e-12);
    }

    @Test
    void money() {
        assertEquals(0.768, Units.money("0.768"));
        assertEquals(12, Units.money("12"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "250|expected a size like 250MiB, got '250'",
            "250Mb|expected a size like 250MiB, got '250Mb' (size units: B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)",
            "-5MiB|expected a size like 250MiB, got '-5MiB'",
            "MiB|expected a size like 250MiB, got 'MiB'",
            "99999999TiB|expected a size like 250MiB, got '99999999TiB' (too large)"})
    void sizeErrors(String text, String message) {
        assertProblem(Units::size, text, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "90|expected a duration like 90s, got '90'",
            "90sec|expected a duration like 90s, got '90sec' (duration units: ns, us, ms, s, m, h, d)",
            "1h30|expected a duration like 90s, got '1h30'",
            "-1s|expected a duration like 90s, got '-1s'"})
    void durationErrors(String text, String message) {
        assertProblem(Units::duration, text, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.5|expected a count like 1.5M, got '1.5' (not a whole number)",
            "1.2345k|expected a count like 1.5M, got '1.2345k' (not a whole number)",
            "3x|expected a count like 1.5M, got '3x' (count suffixes: k, M, B)",
            "-3|expected a count like 1.5M, got '-3'",
            "lots|expected a count like 1.5M, got 'lots'"})
    void countErrors(String text, String message) {
        assertProblem(Units::count, text, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "150%|expected a fraction like 2% or 0.02, got '150%' (at most 100%)",
            "1.5|expected a fraction like 2% or 0.02, got '1.5' (at most 100%)",
            "two percent|expected a fraction like 2% or 0.02, got 'two percent'",
            "-2%|expected a fraction like 2% or 0.02, got '-2%'"})
    void fractionErrors(String text, String message) {
        assertProblem(Units::fraction, text, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "700|expected a rate like 700/s, got '700'",
            "700/w|expected a rate like 700/s, got '700/w' (per s, m, h or d)",
            "fast/s|expected a rate like 700/s, got 'fast/s'"})
    void rateErrors(String text, String message) {
        assertProblem(Units::rate, text, message);
    }

    @Test
    void moneyAndBlankErrors() {
        assertProblem(Units::money, "$0.77", "expected an amount like 0.768, got '$0.77'");
        assertProblem(Units::size, "  ", "expected a size like 250MiB, got nothing");
    }

    @ParameterizedTest
    @CsvSource({"262144000, 250MiB", "1610612736, 1.5GiB", "200000, 200KB", "232, 232B", "0, 0B",
            "4096, 4KiB", "1000000, 1MB", "123457, 123.457KB", "999, 999B"})
    void formatsSizes(long bytes, String text) {
        assertEquals(text, Units.formatSize(bytes));
        assertEquals(bytes, Units.size(text), "round trip");
    }

    @ParameterizedTest
    @CsvSource({"90, 90s", "7200, 2h", "0.04, 40ms", "2e-5, 20us", "2e-8, 20ns", "0, 0s", "172800, 2d",
            "1.5, 1500ms", "5400, 90m"})
    void formatsDurations(double seconds, String text) {
        assertEquals(text, Units.formatDuration(seconds));
        assertEquals(seconds, Units.duration(text), seconds * 1e-12, "round trip");
    }

    @ParameterizedTest
    @CsvSource({"1500000, 1.5M", "400000, 400k", "350, 350", "123456, 123456", "2000000000, 2B", "0, 0", "3000, 3000", "10000, 10k"})
    void formatsCounts(long count, String text) {
        assertEquals(text, Units.formatCount(count));
        assertEquals(count, Units.count(text), "round trip");
    }

    @Test
    void formatsFractionsRatesAndMoney() {
        assertEquals("2%", Units.formatFraction(0.02));
        assertEquals("60%", Units.formatFraction(0.6));
        assertEquals("33.3333%", Units.formatFraction(1.0 / 3));
        assertEquals("700/s", Units.formatRate(700));
        assertEquals("2M/s", Units.formatRate(2e6));
        assertEquals("0.5/s", Units.formatRate(0.5));
        assertEquals("0.768", Units.formatMoney(0.768));
    }

    private static void assertProblem(Function<String, ?> parser, String text, String message) {
        assertEquals(message, assertThrows(ScenarioException.class, () -> parser.apply(text)).getMessage());
    }
}
