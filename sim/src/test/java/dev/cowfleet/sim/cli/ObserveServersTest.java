package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cowfleet observe} under the real servers Debian ships (Gunicorn 20.1, uWSGI 2.0 with its
 * python3 plugin) on the fixture apps, 4 workers, a few hundred requests each: the policies' effects
 * show in the measurement, errors are one line with exit 2, and nothing is left running.
 */
@ExtendWith(ObservedProcesses.NothingLeftRunning.class)
class ObserveServersTest {
    static final Path FLASK = Path.of("src/test/apps/flaskshop");
    static final Path DJANGO = Path.of("src/test/apps/djangoshop");
    static final Path HOSTILE = Path.of("src/test/apps/hostile");
    static final Path SCENARIO = Path.of("src/test/resources/dev/cowfleet/sim/observe/flaskshop-scenario.yaml");
    static final JsonMapper JSON = new JsonMapper();

    @TempDir
    Path out;

    static List<String> observe(String server, Path app, String module, String policy, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("observe", "--server", server, "--python", "/usr/bin/python3",
                "--app", module + ".wsgi:application", "--pythonpath", app.toString(),
                "--requests", app.resolve("mix.txt").toString(), "--workers", "4", "--rate", "40/s", "--duration", "7s",
                "--policy", policy, "--out", out.toString(), "--quiet"));
        args.addAll(List.of(more));
        return args;
    }

    static JsonNode run(List<String> args, Path out) throws IOException {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.status(), run::toString);
        return JSON.readTree(Files.readString(out.resolve("observe.json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gunicorn", "uwsgi"})
    void threshold0CopiesAtExitAndOsExitDoesNot(String server) throws IOException {
        JsonNode normal = run(observe(server, FLASK, "flaskshop", "threshold0", out.resolve("t0"), "--scenario", SCENARIO.toString()),
                out.resolve("t0"));
        JsonNode exit = run(observe(server, FLASK, "flaskshop", "threshold0-exit", out.resolve("t0x"), "--scenario",
                SCENARIO.toString()), out.resolve("t0x"));
        assertTrue(normal.get("requests").get("sent").asLong() >= 200, normal::toString);
        assertEquals(0, normal.get("requests").get("failed").asLong(), normal::toString);
        double copied = normal.get("measured").get("exitCopiedMiB").asDouble();
        double skipped = exit.get("measured").get("exitCopiedMiB").asDouble();
        // Teardown writes to every inherited object; os._exit in an atexit hook skips it.
        assertTrue(copied > 5, "threshold0 exit copied " + copied + " MiB");
        assertTrue(skipped < 1, "threshold0-exit exit copied " + skipped + " MiB");
        assertTrue(Files.readString(out.resolve("t0").resolve("observed.csv")).contains(",exit,"));
        // The simulation ends with the same stop: every worker exits under the policy's exit mode.
        double simulatedCopied = normal.get("simulated").get("exitCopiedMiB").asDouble();
        double simulatedSkipped = exit.get("simulated").get("exitCopiedMiB").asDouble();
        assertTrue(simulatedCopied > 5, "simulated threshold0 exit copied " + simulatedCopied + " MiB");
        assertTrue(simulatedSkipped < 1, "simulated threshold0-exit exit copied " + simulatedSkipped + " MiB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gunicorn", "uwsgi"})
    void freezeKeepsSharedAboveDefault(String server) throws IOException {
        JsonNode normal = run(observe(server, DJANGO, "djangoshop", "default", out.resolve("d")), out.resolve("d"));
        JsonNode frozen = run(observe(server, DJANGO, "djangoshop", "freeze", out.resolve("f")), out.resolve("f"));
        double sharedDefault = normal.get("measured").get("sharedAfterMinuteMiB").asDouble();
        double sharedFrozen = frozen.get("measured").get("sharedAfterMinuteMiB").asDouble();
        // The first full collection in a default worker writes the gc header of every inherited object.
        assertTrue(sharedFrozen > 1.25 * sharedDefault, "shared: freeze " + sharedFrozen + " MiB, default " + sharedDefault + " MiB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gunicorn", "uwsgi"})
    void appThatDoesNotImportIsOneLineExit2(String server) {
        List<String> args = observe(server, FLASK, "flaskshop", "default", out.resolve("x"));
        args.set(args.indexOf("flaskshop.wsgi:application"), "flaskshop.no_such_module:application");
        CliRun run = CliRun.of(args);
        assertEquals(2, run.status(), run::toString);
        assertTrue(run.err().startsWith("cowfleet: the app failed to import; server log: "), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertTrue(Files.notExists(out.resolve("x")), "nothing written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gunicorn", "uwsgi"})
    void mostRequestsFailingIsOneLineExit2(String server) throws IOException {
        List<String> args = observe(server, HOSTILE, "failingapp", "default", out.resolve("x"));
        args.set(args.indexOf("failingapp.wsgi:application"), "failingapp:application");
        args.set(args.indexOf("--requests") + 1, "src/test/resources/dev/cowfleet/sim/observe/mostly-failing-mix.txt");
        args.set(args.indexOf("--duration") + 1, "3s");
        CliRun run = CliRun.of(args);
        assertEquals(2, run.status(), run::toString);
        assertTrue(run.err().matches("(?s)cowfleet: [0-9]+ of [0-9]+ requests failed, first: GET /fail: .*"), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertTrue(Files.notExists(out.resolve("x")), "nothing written");
        assertEquals(Set.of(), observeFoldersNaming("failingapp"), "observe's temporary folder is gone");
    }

    /**
     * observe's temporary folders in java.io.tmpdir whose files name {@code app}: other builds on the
     * machine may be running observe on other apps at the same time, and their folders are theirs.
     */
    static Set<Path> observeFoldersNaming(String app) throws IOException {
        try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("cowfleet-observe-"))
                    .filter(p -> names(p, app)).collect(Collectors.toSet());
        }
    }

    private static boolean names(Path folder, String app) {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    return Files.readString(f).contains(app);
                } catch (IOException | java.io.UncheckedIOException e) {
                    return false;
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gunicorn", "uwsgi"})
    void takenPortIsOneLineExit2(String server) throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            CliRun run = CliRun.of(observe(server, FLASK, "flaskshop", "default", out.resolve("x"),
                    "--port", Integer.toString(taken.getLocalPort())));
            assertEquals(2, run.status(), run::toString);
            assertTrue(run.err().startsWith("cowfleet: port " + taken.getLocalPort() + " on 127.0.0.1 is taken"), run::toString);
            assertEquals(1, run.err().strip().lines().count(), run::toString);
        }
    }
}
