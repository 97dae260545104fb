package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Workers that the real server recycles ({@code --max-requests}) are followed end to end: new PIDs are
 * sampled, the old ones' exits are recorded with what they copied, and the simulation of the same
 * setup recycles too and reports its exit copy. uWSGI recycles no worker younger than its
 * min-worker-lifetime (10 s), so its run is longer.
 */
@ExtendWith(ObservedProcesses.NothingLeftRunning.class)
class ObserveRecyclingTest {
    @TempDir
    Path out;

    @ParameterizedTest
    @CsvSource({"gunicorn, 40/s, 8s, fixed", "uwsgi, 20/s, 24s, poisson"})
    void recycledWorkersAreFollowedAndTheirExitsMeasuredAndSimulated(String server, String rate, String duration,
                                                                     String arrivals) throws IOException {
        List<String> args = new ArrayList<>(ObserveServersTest.observe(server, ObserveServersTest.FLASK, "flaskshop",
                "default", out, "--max-requests", "50", "--arrivals", arrivals,
                "--scenario", ObserveServersTest.SCENARIO.toString()));
        args.set(args.indexOf("--workers") + 1, "2");
        args.set(args.indexOf("--rate") + 1, rate);
        args.set(args.indexOf("--duration") + 1, duration);
        JsonNode json = ObserveServersTest.run(args, out);

        Map<Long, Double> lastSample = new HashMap<>();
        Map<Long, Double> recycledAt = new HashMap<>();
        int stopped = 0;
        List<String> csv = Files.readAllLines(out.resolve("observed.csv"));
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            long pid = Long.parseLong(f[1]);
            double time = Double.parseDouble(f[0]);
            switch (f[2]) {
                case "worker" -> lastSample.merge(pid, time, Math::max);
                case "recycled" -> recycledAt.put(pid, time);
                case "exit" -> stopped++;
                default -> { }
            }
        }
        String context = recycledAt + "\n" + json;
        assertTrue(recycledAt.size() >= 2, "workers recycled during the run: " + context);
        assertTrue(lastSample.size() >= 2 + recycledAt.size(), "each recycled worker's successor is sampled: " + lastSample.keySet());
        for (var exit : recycledAt.entrySet()) {
            assertTrue(lastSample.containsKey(exit.getKey()), "a recycled worker was sampled before it went: " + context);
            assertTrue(lastSample.get(exit.getKey()) < exit.getValue(), "no sample after a worker's exit: " + context);
        }
        assertEquals(2, stopped, "both workers alive at the end are stopped and measured");

        // A normal exit's teardown writes to every inherited object: megabytes, in the real workers and in the model.
        double measured = json.get("measured").get("exitCopiedMiB").asDouble();
        double simulated = json.get("simulated").get("exitCopiedMiB").asDouble();
        assertTrue(measured > 5, "measured exit copy " + measured + " MiB\n" + json);
        assertTrue(simulated > 5, "simulated exit copy " + simulated + " MiB\n" + json);
        assertTrue(json.get("relativeError").get("exitCopiedMiB").isNumber(), json::toString);
    }
}
