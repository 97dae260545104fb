package dev.cowfleet.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each broken file in src/test/resources/scenarios/broken gives one exact line: file, line, key, expected form. */
class BrokenScenarioFilesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "bare-size|:11: key 'heap.measured.heapSize': expected a size like 250MiB, got '250'",
        "misspelt-key|:11: unknown key 'heap.measured.heapSiz', did you mean 'heapSize'?",
        "both-heaps|:16: key 'heap.composition': give either heap.measured or heap.composition, not both",
        "baseline-missing|:20: key 'baseline': 'defualt' is not one of the policies (default, threshold0), "
            + "did you mean 'default'?",
        "tracked-exceeds-total|:13: key 'heap.measured.trackedObjects': 3M tracked objects exceed totalObjects 1M",
        "no-workers|:6: key 'host.workers': expected at least 1, got 0",
        "sample-longer-than-run|:6: key 'sampleEvery': expected a sampling interval above 0s and at most duration 30s, "
            + "got 1m",
        "syntax-error|:17: YAML syntax error: mapping values are not allowed here",
        "missing-question|: key 'question': missing, expected the question the scenario answers, like "
            + "\"Why did gc.set_threshold(0) save 8 GB per host?\"",
        "wrong-type|:11: key 'heap.measured.heapSize': expected a size like 250MiB, got a map",
        "freeze-on-3.6|:23: key 'policies.freeze.freeze': gc.freeze() needs Python 3.7+, this policy runs 3.6",
        "bad-process-manager|:4: key 'processManager': expected one of uwsgi, gunicorn, got 'uwsgl', "
            + "did you mean 'uwsgi'?",
        "gunicorn-reload-on-rss|:6: key 'server.reloadOnRss': a uwsgi setting (reload-on-rss); gunicorn has no "
            + "memory-based recycling",
        "threshold0-and-thresholds|:23: key 'policies.threshold0.thresholds': gc: threshold0 already sets the "
            + "thresholds (gc.set_threshold(0)); give either gc: threshold0 or thresholds",
        "python-2|:3: key 'python': expected a Python version from 3.6 to 3.14.x like \"3.12\", got '2.7'",
        "overloaded-host|:16: key 'workload.requestsPerSecond': 1000/s x cpuPerRequest 20ms keeps 20 workers busy on "
            + "host.workers 8: the host cannot carry this traffic",
        "two-thresholds|:23: key 'policies.custom.thresholds': expected three thresholds like [700, 10, 10], "
            + "got 2 values",
        "empty|: the scenario is empty; it needs at least question, python, processManager, host, heap, workload, "
            + "policies and baseline (see scenarios/README.md)",
    })
    void failsWithOneExactLine(String fixture, String afterFileName) {
        Path file = Fixtures.DIR.resolve("broken").resolve(fixture + ".yaml");
        assertEquals(file + afterFileName, Fixtures.errorOf(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "duplicate-key|:15: duplicate key 'trackedObjects' (first written at {file}:13)"})
    void duplicateKeysNameBothPlaces(String fixture, String afterFileName) {
        Path file = Fixtures.DIR.resolve("broken").resolve(fixture + ".yaml");
        assertEquals(file + afterFileName.replace("{file}", file.toString()), Fixtures.errorOf(file));
    }

    @Test
    void unknownSectionListsTheValidTopLevelKeys() {
        Path file = Fixtures.DIR.resolve("broken").resolve("unknown-section.yaml");
        assertEquals(file + ":24: unknown key 'cluster' (valid keys here: " + String.join(", ", Scenario.KEYS.names())
                + ")", Fixtures.errorOf(file));
    }

    @Test
    void missingFileIsOneLineToo() {
        Path file = Fixtures.DIR.resolve("no-such.yaml");
        assertEquals(file + ": no such scenario file", Fixtures.errorOf(file));
    }
}
