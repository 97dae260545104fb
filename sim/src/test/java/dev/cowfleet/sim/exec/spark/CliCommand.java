package dev.cowfleet.sim.exec.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cowfleet.sim.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The small sweep and the small fleet plan that the engine-identity tests run through the command line
 * ({@link Main#execute}, in this JVM), once per engine, each into its own output folder.
 */
final class CliCommand {
    /** Four workers for ten simulated minutes, two policies; two sweep points, two replications. */
    static final List<String> SMALL_SWEEP = List.of("sweep", "src/test/resources/sweep/tiny.yaml",
            "--vary", "host.workers=2,4", "--replications", "2");

    /**
     * The shipped fleet scenario cut down to seconds of work: one simulated host per type, ten minutes,
     * a 40 MiB heap and hosts of 2 and 3 GiB, so that the workers-per-host search stays short.
     */
    static final List<String> SMALL_PLAN = List.of("plan", "../scenarios/fleet-capacity.yaml",
            "--replications", "2", "--set", "duration=10m", "--set", "sampleEvery=1m",
            "--set", "host.workers=4", "--set", "workload.requestsPerSecond=40/s",
            "--set", "heap.measured.heapSize=40MiB", "--set", "fleet.simulatedHostsPerType=1",
            "--set", "fleet.hostTypes.0.ram=2GiB", "--set", "fleet.hostTypes.1.ram=3GiB");

    private CliCommand() {
    }

    /**
     * Runs {@code command} plus {@code engineFlags} with {@code --out folder --quiet}, asserts it succeeded
     * and returns the folder.
     */
    static Path run(List<String> command, Path folder, String... engineFlags) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--out", folder.toString(), "--quiet"));
        args.addAll(List.of(engineFlags));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            status = Main.execute(args.toArray(String[]::new), outWriter, errWriter);
        }
        assertEquals(0, status, () -> String.join(" ", args) + "\n--- stdout\n" + out + "--- stderr\n" + err);
        return folder;
    }

    static byte[] bytes(Path folder, String file) {
        try {
            return Files.readAllBytes(folder.resolve(file));
        } catch (IOException e) {
            throw new AssertionError("the command wrote no " + file + " in " + folder, e);
        }
    }
}
