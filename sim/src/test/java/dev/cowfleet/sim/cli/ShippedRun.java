package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shipped scenario run through {@code cowfleet run} at reduced size: 8 workers with the traffic scaled
 * to keep 10 requests per second per worker (the shipped 700/s on 70), 20 simulated minutes and two
 * replications, so each run takes a few seconds while worker lifetimes, and so the physics, stay as shipped.
 */
final class ShippedRun {
    /** Maven runs tests in the sim module directory; the scenarios live at the top of the repository. */
    static final Path SCENARIOS = Path.of("..", "scenarios");

    static final List<String> REDUCED = List.of("--set", "host.workers=8", "--set", "workload.requestsPerSecond=80/s",
            "--set", "duration=20m", "--replications", "2", "--threads", "2", "--quiet");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Path folder;
    final JsonNode summary;

    private ShippedRun(Path folder, JsonNode summary) {
        this.folder = folder;
        this.summary = summary;
    }

    static Path scenario(String name) {
        return SCENARIOS.resolve(name + ".yaml");
    }

    /** Runs {@code scenarios/<name>.yaml} reduced, plus {@code extra} arguments, into {@code out}. */
    static ShippedRun run(String name, Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", scenario(name).toString(), "--out", out.toString()));
        args.addAll(REDUCED);
        args.addAll(List.of(extra));
        CliRun cli = CliRun.of(args);
        assertEquals(0, cli.status(), cli::toString);
        assertEquals("", cli.err(), cli::toString);
        List<String> lines = cli.out().lines().toList();
        assertEquals(2, lines.size(), "--quiet prints only where the report is, then the headline: " + lines);
        assertEquals("report: " + out.toAbsolutePath().normalize().resolve("report.html"), lines.get(0));
        assertTrue(lines.get(1).matches(".*saves.* host memory .*per host.*\\."), lines.get(1));
        assertTrue(Files.readString(out.resolve("report.html")).contains(lines.get(1)), "the same headline on the page");
        return new ShippedRun(out, readJson(out.resolve("summary.json")));
    }

    static JsonNode readJson(Path file) throws IOException {
        return JSON.readTree(Files.readString(file));
    }

    JsonNode policy(String name) {
        JsonNode policy = summary.get("policies").get(name);
        assertTrue(policy != null && policy.isObject(), () -> "summary.json has no policy '" + name + "': " + summary);
        return policy;
    }

    /** A number at a path of keys under the policy, e.g. {@code figure("default", "worker", "privateMiB", "mean")}. */
    double figure(String policy, String... path) {
        JsonNode node = policy(policy);
        for (String key : path) {
            node = node.get(key);
            assertTrue(node != null, () -> "summary.json lacks policies." + policy + "." + String.join(".", path));
        }
        assertTrue(node.isNumber(), "policies." + policy + "." + String.join(".", path) + " is not a number: " + node);
        return node.asDouble();
    }

    double copied(String policy, String source) {
        return figure(policy, "worker", "copiedMiBBySource", source);
    }

    double privateMean(String policy) {
        return figure(policy, "worker", "privateMiB", "mean");
    }

    double hostMean(String policy) {
        return figure(policy, "host", "memoryMiB", "mean");
    }

    /** The policy names, in scenario order, and the baseline: binding for other tools. */
    void assertPolicies(String baseline, String... names) {
        assertEquals(baseline, summary.get("baseline").asString());
        List<String> actual = new ArrayList<>(summary.get("policies").propertyNames());
        assertEquals(List.of(names), actual);
        assertFalse(actual.isEmpty());
    }
}
