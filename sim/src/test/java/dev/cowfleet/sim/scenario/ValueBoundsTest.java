package dev.cowfleet.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers that parse but cannot exist in what they describe are bad input, not overflows further on. */
class ValueBoundsTest {

    @ParameterizedTest(name = "--set {0}")
    @CsvSource(delimiter = '|', value = {
        "heap.gcCounters.count0=9223372036854775807|key 'heap.gcCounters.count0': expected at most 2147483647 "
            + "(CPython keeps it in a C int), got '9223372036854775807'",
        "heap.gcCounters.count2=3B|key 'heap.gcCounters.count2': expected at most 2147483647 (CPython keeps it in a "
            + "C int), got '3B'",
        "policies.default.thresholds=[700, 10, 2147483648]|key 'policies.default.thresholds': expected at most "
            + "2147483647 (CPython keeps it in a C int), got '2147483648'",
        "sampleEvery=1ns|key 'sampleEvery': 7.2e+12 samples a run (duration 2h / sampleEvery 1ns) is more than a "
            + "run can hold (2,147,483,647); expected a longer sampling interval",
        "deploys={timesPerDay: 1441}|key 'deploys.timesPerDay': expected at most 1440 deploys per day (one a minute), "
            + "got 1441",
        "workload.requestsPerSecond=1000000000000000000000/s|key 'workload.requestsPerSecond': "
            + "1000000000000000000000/s x cpuPerRequest 20ms keeps 20000000000000000000 workers busy on host.workers 8: "
            + "the host cannot carry this traffic",
    })
    void refusedWithOneLine(String flag, String problem) {
        assertEquals("--set " + flag + ": " + problem, Fixtures.errorOf(Fixtures.MINIMAL, flag));
    }

    @ParameterizedTest(name = "--set {0}")
    @CsvSource(delimiter = '|', value = {"heap.gcCounters.count0=2147483647", "deploys={timesPerDay: 1440}"})
    void theLargestValidValuesStillLoad(String flag) {
        Fixtures.minimal(flag);
    }
}
