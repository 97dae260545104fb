package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped scenario, cut short and run at its own seed, writes exactly the committed
 * {@code summary.json} in {@code src/test/resources/golden/}: any change to a published figure shows
 * up here, including one nobody meant to make.
 *
 * <p>Regenerate the golden files only after a deliberate change to the physics or to the figures,
 * never to make this test pass:
 * {@code mvn -B -ntp -pl sim -am test -Dtest=GoldenOutputsTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true},
 * then review the diff and say in the commit why the numbers moved.
 */
class GoldenOutputsTest {
    /** Maven runs tests in the sim module directory. */
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** Four workers for ten minutes, two replications: a couple of seconds per scenario, every mechanism still in play. */
    private static final List<String> SHORT = List.of("--quiet", "--threads", "2", "--replications", "2",
            "--set", "duration=10m", "--set", "host.workers=4", "--set", "workload.requestsPerSecond=40/s");
    /** A fleet plan cut like the capacity tests' (40 MiB heap on 2 and 3 GiB hosts, one host per type). */
    private static final List<String> SMALL_FLEET = List.of("--set", "fleet.simulatedHostsPerType=1",
            "--set", "heap.measured.heapSize=40MiB", "--set", "fleet.hostTypes.0.ram=2GiB",
            "--set", "fleet.hostTypes.1.ram=3GiB");

    @TempDir
    Path tmp;

    static Stream<String> shipped() throws IOException {
        try (Stream<Path> files = Files.list(ShippedRun.SCENARIOS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void summaryMatchesTheGoldenFile(String name) throws IOException {
        String written = summary(name);
        Path golden = GOLDEN.resolve(name + ".summary.json");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, written, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(golden), () -> golden + " is missing: generate it with -Dgolden.update=true");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), written, () -> name
                + ": summary.json differs from " + golden + ". If the physics changed on purpose, regenerate"
                + " (-Dgolden.update=true, see the class comment); otherwise this is a regression.");
    }

    @Test
    void everyGoldenFileBelongsToAShippedScenario() throws IOException {
        List<String> names = shipped().toList();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            files.forEach(f -> assertTrue(names.contains(f.getFileName().toString().replace(".summary.json", "")),
                    f + " has no shipped scenario"));
        }
    }

    private String summary(String name) throws IOException {
        Path scenario = ShippedRun.scenario(name);
        boolean fleet = Files.readString(scenario).contains("\nfleet:");
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of(fleet ? "plan" : "run", scenario.toString(), "--out", out.toString()));
        args.addAll(SHORT);
        if (fleet) {
            args.addAll(SMALL_FLEET);
        }
        if (Files.readString(scenario).contains("\ndeploys:")) {
            args.addAll(List.of("--set", "deploys.at=[5m]"));
        }
        CliRun cli = CliRun.of(args);
        assertEquals(0, cli.status(), cli::toString);
        return Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);
    }
}
