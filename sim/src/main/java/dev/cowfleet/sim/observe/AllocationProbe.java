package dev.cowfleet.sim.observe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How many tracked objects a request of the app leaves behind in a fresh worker of the real server,
 * measured before the observed run: one worker of the same server runs the app with the collector
 * off ({@code cowfleet_observe_probe.py}), so {@code gc.get_count()[0]} only grows, and it is read
 * before and after as many requests of the mix as each worker of the run will serve.
 *
 * <p>Why: a worker's first requests fill the app's caches and leave far more tracked objects than
 * later ones (the Flask fixture: about 650 on the first request, 95 a request over the first 45, 28
 * over the first 300), and that rate decides when the young collections, and so the first full one,
 * come. {@code calibrate}'s figure is the steady one, from its own harness. The mean over a worker's
 * share of the run is the model's {@code trackedSurvivors} for this run.
 */
final class AllocationProbe {
    static final String MODULE = "cowfleet_observe_probe";
    private static final String COUNT_PATH = "/__cowfleet_count0";
    static final int MIN_REQUESTS = 20;
    static final int MAX_REQUESTS = 600;
    private static final int TIMEOUT_MS = 30_000;

    private AllocationProbe() {
    }

    /** Requests each worker serves in the run, bounded so the probe stays short. */
    static int requestsPerWorker(double rate, double seconds, int workers) {
        long share = Math.round(rate * seconds / workers);
        return (int) Math.max(MIN_REQUESTS, Math.min(MAX_REQUESTS, share));
    }

    /** Tracked objects per request over the first {@code requests} requests of a fresh worker. */
    static double survivorsPerRequest(ObserveSession session, ServerRecipe recipe, ServerSetup setup, Path launcher,
                                      Map<String, String> env, OpenLoopLoad load, int requests, long seed)
            throws IOException, InterruptedException {
        Path folder = Files.createDirectories(session.folder().resolve("probe"));
        try (InputStream in = AllocationProbe.class.getResourceAsStream(MODULE + ".py")) {
            Files.write(folder.resolve(MODULE + ".py"), in.readAllBytes());
        }
        ServerSetup probe = new ServerSetup(setup.python(), new AppRef(MODULE, "application"), setup.pythonPath(), 1,
                setup.port(), 0, ObservePolicy.parse("default"), setup.pythonVersion());
        Files.writeString(folder.resolve(recipe.recipeFile()), recipe.recipe(probe.policy(), probe.app(), false));
        Map<String, String> probeEnv = new HashMap<>(env);
        probeEnv.put("PYTHONPATH", folder + ":" + env.get("PYTHONPATH"));
        probeEnv.put("COWFLEET_PROBE_APP", setup.app().toString());
        try (ServerProcess server = session.startServer(work -> ServerProcess.start(setup.python(), launcher,
                recipe.command(probe, folder), probeEnv, folder.resolve("server.log"), setup.port()))) {
            server.awaitReady(new ProcReader(), 1);
            long before = count0(setup.port());
            SplittableRandom draws = new SplittableRandom(seed);
            for (int i = 0; i < requests; i++) {
                int index = load.draw(draws);
                String failure = load.send(index);
                if (failure != null) {
                    throw new ObserveException("the allocation probe's request failed: " + load.describe(index) + ": "
                            + failure + server.logTail());
                }
            }
            return (count0(setup.port()) - before) / (double) requests;
        }
    }

    /** The probe worker's young-generation count, from its own answer. */
    private static long count0(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + COUNT_PATH + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int body = response.indexOf("\r\n\r\n");
            try {
                return Long.parseLong(response.substring(body + 4).strip());
            } catch (RuntimeException e) {
                throw new ObserveException("the allocation probe did not answer its count (got '"
                        + response.lines().findFirst().orElse("") + "')");
            }
        }
    }
}
