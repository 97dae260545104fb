package dev.cowfleet.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.run.ScenarioSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code validate --explain}: every effective value, with units, sorted by key path, with its origin. */
class ExplainTest {

    private static final String FILE = Fixtures.MINIMAL.toString();

    @Test
    void sortedByKeyPath() {
        List<String> keys = Fixtures.minimal().effectiveInputs().stream().map(EffectiveInput::key).toList();
        assertEquals(keys.stream().sorted().toList(), keys);
    }

    /** Segment by segment: every threshold0.* key before any threshold0-exit.* key, as a reader expects. */
    @Test
    void aPolicySortsBeforeItsLongerNamedVariants() {
        Scenario scenario = ScenarioSource.read(Path.of("..", "scenarios", "instagram-2017.yaml"), List.of()).load();
        List<String> keys = scenario.effectiveInputs().stream().map(EffectiveInput::key).toList();
        int lastPlain = -1;
        int firstExit = Integer.MAX_VALUE;
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).startsWith("policies.threshold0.")) {
                lastPlain = i;
            } else if (keys.get(i).startsWith("policies.threshold0-exit.")) {
                firstExit = Math.min(firstExit, i);
            }
        }
        assertTrue(lastPlain >= 0 && firstExit < keys.size(), keys.toString());
        assertTrue(lastPlain < firstExit, keys.toString());
        assertEquals(keys.stream().sorted(Provenance.KEY_PATH_ORDER).toList(), keys);
    }

    @Test
    void fileValuesNameTheirLine() {
        Map<String, EffectiveInput> in = inputs(Fixtures.minimal());
        assertEquals(new EffectiveInput("heap.measured.heapSize", "100MiB", FILE + ":11"), in.get("heap.measured.heapSize"));
        assertEquals(new EffectiveInput("workload.requestsPerSecond", "100/s", FILE + ":16"),
                in.get("workload.requestsPerSecond"));
        assertEquals(new EffectiveInput("policies.threshold0.gc", "threshold0", FILE + ":23"),
                in.get("policies.threshold0.gc"));
    }

    @Test
    void defaultsNameTheirSource() {
        Map<String, EffectiveInput> in = inputs(Fixtures.minimal());
        assertEquals(new EffectiveInput("duration", "2h", "default"), in.get("duration"));
        assertEquals(new EffectiveInput("name", "minimal", "default (file name)"), in.get("name"));
        assertEquals(new EffectiveInput("server.minWorkerLifetime", "10s", "default (uwsgi profile)"),
                in.get("server.minWorkerLifetime"));
        assertEquals(new EffectiveInput("policies.default.thresholds", "[700, 10, 10]",
                "default (python 3.6 profile)"), in.get("policies.default.thresholds"));
        assertEquals(new EffectiveInput("heap.gcCounters.longLivedTotal", "400k",
                "default (as after gc.collect() in the master)"), in.get("heap.gcCounters.longLivedTotal"));
    }

    @Test
    void gunicornProfileSuppliesItsOwnDefaults() {
        Map<String, EffectiveInput> in = inputs(Fixtures.minimal("processManager=gunicorn"));
        assertEquals(new EffectiveInput("server.harakiri", "30s", "default (gunicorn profile)"), in.get("server.harakiri"));
        assertEquals(new EffectiveInput("server.minWorkerLifetime", "0s", "default (gunicorn profile)"),
                in.get("server.minWorkerLifetime"));
        assertEquals(new EffectiveInput("processManager", "gunicorn", "--set"), in.get("processManager"));
    }

    @Test
    void overridesAreMarkedAsSuch() {
        Map<String, EffectiveInput> in = inputs(Fixtures.minimal("deploys.at=[1h, 90m]", "python=3.13"));
        assertEquals(new EffectiveInput("deploys.at", "[1h, 90m]", "--set"), in.get("deploys.at"));
        assertEquals(new EffectiveInput("deploys.waveSize", "100%", "default"), in.get("deploys.waveSize"));
        assertEquals(new EffectiveInput("policies.default.thresholds", "[2000, 10, 10]",
                "default (python 3.13 profile)"), in.get("policies.default.thresholds"));
    }

    @Test
    void everyValueOfTheRecordsIsListed() {
        Scenario s = Fixtures.minimal("deploys.at=[1h]", "policies.recycled.server.maxRequests=3000");
        Map<String, EffectiveInput> in = inputs(s);
        List<String> sections = List.of("name", "question", "python", "processManager", "seed", "replications",
                "duration", "sampleEvery");
        sections.forEach(k -> assertTrue(in.containsKey(k), k));
        assertKeys(in, "host.", 4);
        assertKeys(in, "heap.measured.", 7);
        assertKeys(in, "heap.gcCounters.", 5);
        assertKeys(in, "workload.", 9);
        assertKeys(in, "workload.diurnal.", 1);
        assertKeys(in, "costs.", 4);
        assertKeys(in, "server.", 9);
        assertKeys(in, "deploys.", 3);
        assertKeys(in, "policies.default.", 9);
        assertKeys(in, "policies.recycled.server.", 9);
        assertEquals("3000", in.get("policies.recycled.server.maxRequests").value());
        assertEquals("default (server.harakiri)", in.get("policies.recycled.server.harakiri").origin());
    }

    @Test
    void compositionKindsAndSineTrafficAreListed() {
        Map<String, EffectiveInput> in = inputs(ScenarioLoader.load(Fixtures.COMPOSITION, List.of()));
        String file = Fixtures.COMPOSITION.toString();
        assertEquals(new EffectiveInput("heap.composition.kinds.2.size", "136B", file + ":19"),
                in.get("heap.composition.kinds.2.size"));
        assertEquals("2.5", in.get("workload.diurnal.peakToTrough").value());
        assertEquals("20h", in.get("workload.diurnal.peakHour").value());
        assertEquals("1d", in.get("duration").value());
    }

    private static void assertKeys(Map<String, EffectiveInput> in, String prefix, long count) {
        assertEquals(count, in.keySet().stream().filter(k -> k.startsWith(prefix) && k.indexOf('.', prefix.length()) < 0)
                .count(), prefix);
    }

    private static Map<String, EffectiveInput> inputs(Scenario s) {
        return s.effectiveInputs().stream().collect(Collectors.toMap(EffectiveInput::key, Function.identity()));
    }
}
