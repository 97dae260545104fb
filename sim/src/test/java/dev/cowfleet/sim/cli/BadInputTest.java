package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Broken scenario files and flags through the whole command line: exit status 2, one line on stderr that
 * names the file, line, key and expected form, no stack trace, nothing on stdout and no output folder
 * (not even a half-written one). Every case fails before or instead of simulating, so it costs nothing.
 */
class BadInputTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "cli");
    private static final String SMALL = FIXTURES.resolve("small.yaml").toString();
    private static final int BAD_INPUT = 2;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "unknown-key|:9: unknown key 'host.ramSize' (valid keys here: workers, ram, cores, transparentHugePages)",
        "bad-unit|:19: key 'workload.cpuPerRequest': expected a duration like 90s, got '20 parsecs' "
            + "(duration units: ns, us, ms, s, m, h, d)",
        "bare-size|:13: key 'heap.measured.heapSize': expected a size like 250MiB, got '100'",
        "bare-rate|:18: key 'workload.requestsPerSecond': expected a rate like 700/s, got '40'",
        "baseline-not-a-policy|:22: key 'baseline': 'threshold1' is not one of the policies (default, threshold0), "
            + "did you mean 'threshold0'?",
        "freeze-on-3.6|:25: key 'policies.freeze.freeze': gc.freeze() needs Python 3.7+, this policy runs 3.6",
        "syntax-error|:8: YAML syntax error: mapping values are not allowed here",
        "wrong-type|:8: key 'host.workers': expected a worker count like 70, got a list",
    })
    void brokenScenarioFile(String fixture, String afterFileName) throws IOException {
        String file = FIXTURES.resolve(fixture + ".yaml").toString();
        for (String command : List.of("run", "compare", "validate")) {
            List<String> args = new ArrayList<>(List.of(command, file));
            if (command.equals("run")) {
                args.addAll(List.of("--out", out().toString()));
            }
            assertBadInput(CliRun.of(args), "cowfleet: " + file + afterFileName);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "--threads -1|--threads must be at least 1 (or 0 for all cores), got -1",
        "--replications 0|--replications must be at least 1, got 0",
        "--set host.workers=abc|--set host.workers=abc: key 'host.workers': expected a worker count like 70, got 'abc'",
        "--set host.ram=64|--set host.ram=64: key 'host.ram': expected a size like 250MiB, got '64'",
        "--set duration=-5m|--set duration=-5m: key 'duration': expected a duration like 90s, got '-5m'",
        "--set noequals|--set noequals: expected key.path=value like host.workers=80",
        "--set policies.threshold0.gc=sometimes|--set policies.threshold0.gc=sometimes: key 'policies.threshold0.gc': "
            + "expected one of enabled, disable, threshold0, got 'sometimes'",
        "--set python=3.6 --set policies.f.freeze=true|--set policies.f.freeze=true: key 'policies.f.freeze': "
            + "gc.freeze() needs Python 3.7+, this policy runs 3.6",
        "--engine nope|--engine must be local or spark, got 'nope'",
    })
    void badFlag(String flags, String message) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", SMALL, "--out", out().toString()));
        args.addAll(Arrays.asList(flags.split(" ")));
        assertBadInput(CliRun.of(args), "cowfleet: " + message);
    }

    @Test
    void unknownKeyInAnOverrideListsTheValidKeys() throws IOException {
        CliRun run = CliRun.of("run", SMALL, "--out", out().toString(), "--set", "unknown.key=1");
        assertBadInput(run, run.err().strip());
        assertTrue(run.err().startsWith("cowfleet: --set unknown.key=1: unknown key 'unknown' (valid keys here: name, "
                + "question, python, processManager, seed, replications, duration, sampleEvery, host, heap, "), run::toString);
    }

    @Test
    void missingScenarioFile() throws IOException {
        String file = FIXTURES.resolve("no-such-scenario.yaml").toString();
        assertBadInput(CliRun.of("run", file, "--out", out().toString()), "cowfleet: " + file + ": no such scenario file");
    }

    /** picocli's own parse errors are one line too, with the command's help as the hint. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "run {small} --seed x|Invalid value for option '--seed': 'x' is not a long|cowfleet run",
        "run --quiet|Missing required parameter: 'SCENARIO'|cowfleet run",
        "frobnicate|Unmatched argument at index 0: 'frobnicate'|cowfleet",
    })
    void parseErrors(String args, String message, String command) throws IOException {
        List<String> argv = new ArrayList<>(Arrays.asList(args.replace("{small}", SMALL).split(" ")));
        if (argv.get(0).equals("run")) {
            argv.addAll(List.of("--out", out().toString()));
        }
        CliRun run = CliRun.of(argv);
        assertEquals(BAD_INPUT, run.status(), run::toString);
        assertEquals(List.of("cowfleet: " + message + " (see '" + command + " --help')"), run.err().lines().toList());
        assertNothingWritten(run);
    }

    @Test
    void compareWritesNoFiles() throws IOException {
        assertBadInput(CliRun.of("compare", SMALL, "--out", out().toString()),
                "cowfleet: compare writes no files; use 'cowfleet run --out DIR' for a report");
    }

    /** --out naming somebody's folder is the user's mistake (2), not an internal error (1); the folder is kept. */
    @Test
    void refusesToReplaceAFolderThatIsNotAnEarlierOutput() throws IOException {
        Path precious = Files.createDirectories(tmp.resolve("thesis"));
        Files.writeString(precious.resolve("chapter1.tex"), "keep me");
        CliRun run = CliRun.of("run", SMALL, "--out", precious.toString(), "--quiet", "--replications", "1",
                "--set", "duration=1m");
        assertEquals(BAD_INPUT, run.status(), run::toString);
        assertEquals(List.of(refusal(precious)), run.err().lines().toList());
        assertEquals("keep me", Files.readString(precious.resolve("chapter1.tex")));
        try (var files = Files.list(precious)) {
            assertEquals(1, files.count());
        }
        try (var siblings = Files.list(tmp)) {
            assertEquals(List.of(precious), siblings.toList(), "no temporary folder left beside it");
        }
    }

    /**
     * Every command that writes a folder refuses somebody's folder before any slow work: an unknown
     * engine (or, for calibrate, a missing interpreter) would be the error if the engine were opened
     * or the probe run first.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "run|summary.json",
        "plan|summary.json",
        "sweep|sweep.csv",
        "calibrate|calibration.json",
    })
    void refusesSomebodysFolderBeforeSimulating(String command, String outputFile) throws IOException {
        // A file named like one of cowfleet's outputs does not make the folder cowfleet's.
        Path precious = Files.createDirectories(tmp.resolve("thesis"));
        Files.writeString(precious.resolve("chapter1.tex"), "keep me");
        Files.writeString(precious.resolve(outputFile), "{}");
        Files.createDirectories(precious.resolve("src"));
        List<String> args = switch (command) {
            case "calibrate" -> List.of("calibrate", "--python", tmp.resolve("no-such-python").toString());
            case "sweep" -> List.of("sweep", SMALL, "--vary", "host.workers=2,3", "--engine", "no-such-engine");
            case "plan" -> List.of("plan", Path.of("..", "scenarios", "fleet-capacity.yaml").toString(),
                    "--engine", "no-such-engine");
            default -> List.of(command, SMALL, "--engine", "no-such-engine");
        };
        List<String> argv = new ArrayList<>(args);
        argv.addAll(List.of("--out", precious.toString()));
        CliRun run = CliRun.of(argv);
        assertEquals(BAD_INPUT, run.status(), run::toString);
        assertEquals(List.of(refusal(precious)), run.err().lines().toList());
        assertEquals("", run.out(), run::toString);
        assertEquals("keep me", Files.readString(precious.resolve("chapter1.tex")));
        assertTrue(Files.isDirectory(precious.resolve("src")) && Files.exists(precious.resolve(outputFile)));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(precious), files.toList(), "nothing written beside it");
        }
    }

    /** A scenario named "." or ".." would make output/ itself, or the working folder, the output folder. */
    @ParameterizedTest
    @CsvSource({".", ".."})
    void aScenarioNameThatIsAPathSegmentIsBadInput(String name) throws IOException {
        CliRun run = CliRun.of("run", SMALL, "--set", "name=" + name, "--quiet");
        assertEquals(BAD_INPUT, run.status(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("name") && run.err().contains("not only dots"), run::toString);
        assertNothingWritten(run);
    }

    private static String refusal(Path folder) {
        return "cowfleet: output " + folder.toAbsolutePath() + " is a non-empty folder that cowfleet did not write "
                + "(no .cowfleet-output); refusing to replace it, choose a new or empty folder";
    }

    private Path out() throws IOException {
        return tmp.resolve("out");
    }

    private void assertBadInput(CliRun run, String line) throws IOException {
        assertEquals(BAD_INPUT, run.status(), run::toString);
        assertEquals(List.of(line), run.err().lines().toList(), "exactly one line on stderr");
        assertNothingWritten(run);
    }

    private void assertNothingWritten(CliRun run) throws IOException {
        assertFalse(run.err().contains("Exception"), run::toString);
        assertFalse(run.err().contains("\tat "), run::toString);
        assertFalse(run.err().contains("at dev."), run::toString);
        assertEquals("", run.out(), run::toString);
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "no output folder, finished or half-written");
        }
    }
}
