package dev.cowfleet.sim.scenario;

import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.models.runtime.ExitMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped scenario loads, and the shipped ones carry the policy names other tools rely on. */
class ShippedScenariosTest {

    /** Maven runs tests in the module directory; the shipped scenarios sit at the repository root. */
    private static final Path SHIPPED = Path.of("..", "scenarios");

    static Stream<Path> shippedFiles() throws IOException {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void loads(Path file) throws IOException {
        Scenario scenario = ScenarioLoader.load(file, List.of());
        assertEquals(ScenarioLoader.defaultName(file), scenario.name(), "name matches the file name");
        assertFalse(scenario.question().isBlank());
        assertTrue(Files.readString(file).startsWith("#"), file + " starts with a header comment");
    }

    @Test
    void theFiveScenariosOfIssue4AreShipped() throws IOException {
        List<String> names = shippedFiles().map(ScenarioLoader::defaultName).toList();
        assertTrue(names.containsAll(List.of("instagram-2017", "freeze-2017", "immortal-3.12", "recycling",
                "deploy-storm")), names.toString());
    }

    @Test
    void bindingPolicyNames() {
        assertPolicies("instagram-2017", "default", "default", "disable-msgpack", "threshold0", "threshold0-exit");
        assertPolicies("freeze-2017", "default", "default", "freeze", "freeze-exit");
        assertPolicies("immortal-3.12", "freeze", "freeze", "immortalize-freeze");
    }

    @Test
    void instagramIsTheFleetOfThePrimer() {
        Scenario s = load("instagram-2017");
        assertEquals("3.6", s.python());
        assertEquals(ProcessManager.UWSGI, s.processManager());
        assertEquals(70, s.host().workers());
        assertEquals(250L << 20, s.heap().contents().heapBytes());
        assertEquals(64L << 30, s.host().ramBytes());
        PolicySpec exit = s.policy("threshold0-exit");
        assertEquals(GcMode.THRESHOLD0, exit.gc().mode());
        assertEquals(ExitMode.OS_EXIT, exit.gc().exit());
        assertEquals(100, s.policy("disable-msgpack").gc().libraryEnablesGcAfterRequests());
    }

    @Test
    void deployStormRestartsEveryWorkerTwice() {
        DeploySpec deploys = load("deploy-storm").deploys().orElseThrow();
        assertEquals(List.of(1800.0, 5400.0), deploys.atSeconds());
        assertEquals(1.0, deploys.waveSize());
    }

    @Test
    void recyclingPoliciesDifferInTheirServerSettingsOnly() {
        Scenario s = load("recycling");
        assertEquals(3000, s.policy("max-requests").server().maxRequests());
        assertEquals(700L << 20, s.policy("reload-on-rss").server().reloadOnRssBytes());
        assertEquals(0, s.policy("reload-on-rss").server().maxRequests());
        s.policies().forEach(p -> assertEquals(GcMode.DISABLED, p.gc().mode()));
    }

    @Test
    void theWhatIfAsksTheFleetQuestionOverTwoKeysWithATornado() {
        Scenario s = load("fleet-what-if");
        Scenario capacity = load("fleet-capacity");
        var fleet = s.fleet().orElseThrow();
        var capacityFleet = capacity.fleet().orElseThrow();
        assertEquals(capacityFleet.hostTypes(), fleet.hostTypes(), "the fleet is fleet-capacity's");
        assertEquals(capacityFleet.peakRequestsPerSecond(), fleet.peakRequestsPerSecond());
        assertEquals(capacityFleet.growthPerYear(), fleet.growthPerYear());
        assertEquals(capacity.workload(), s.workload());
        assertEquals(capacity.policies(), s.policies());
        var whatIf = s.whatIf().orElseThrow();
        assertEquals(List.of("fleet.growthPerYear", "heap.measured.heapSize"), List.copyOf(whatIf.vary().keySet()));
        assertTrue(whatIf.tornado().orElseThrow().keys().size() >= 2, "a tornado over the main inputs");
    }

    private static void assertPolicies(String scenario, String baseline, String... names) {
        Scenario s = load(scenario);
        assertEquals(baseline, s.baseline());
        assertEquals(List.of(names), s.policies().stream().map(PolicySpec::name).toList());
    }

    private static Scenario load(String name) {
        return ScenarioLoader.load(SHIPPED.resolve(name + ".yaml"), List.of());
    }
}
