package dev.cowfleet.sim.observe;

import dev.cowfleet.sim.app.RequestMix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs one observation: starts the real server with the policy's recipe, samples it every second while
 * the open-loop load runs, stops it gracefully measuring each worker's exit, and leaves nothing running.
 */
public final class Observer {
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
    private static final String LAUNCHER = "cowfleet_observe_launch.py";

    private Observer() {
    }

    /**
     * @param server   gunicorn or uwsgi
     * @param setup    what the server is started with
     * @param mix      the requests to send
     * @param plan     their arrivals, rate, duration and seed
     * @param probe    first measure the app's tracked objects per request in a fresh worker ({@link AllocationProbe}),
     *                 for the simulation
     */
    public static Observation run(String server, ServerSetup unchecked, RequestMix mix, LoadPlan plan, boolean probe,
                                  Consumer<String> progress) throws IOException, InterruptedException {
        ServerRecipe recipe = ServerRecipe.of(server);
        ServerSetup setup = unchecked.withPythonVersion(PythonCheck.require(unchecked, recipe));
        try (ObserveSession session = new ObserveSession()) {
            Path work = session.folder();
            Files.writeString(work.resolve(recipe.recipeFile()), recipe.recipe(setup.policy(), setup.app(), true));
            Path launcher = work.resolve(LAUNCHER);
            try (InputStream in = Observer.class.getResourceAsStream(LAUNCHER)) {
                Files.write(launcher, in.readAllBytes());
            }
            Path forks = work.resolve("forks.txt");
            Map<String, String> env = new HashMap<>();
            env.put("PYTHONPATH", pythonPath(setup.pythonPath()));
            env.put("PYTHONUNBUFFERED", "1");
            env.put("COWFLEET_OBSERVE_FORKS", forks.toString());
            ProcReader reader = new ProcReader();
            OpenLoopLoad load = new OpenLoopLoad(mix, setup.port());
            double survivors = Double.NaN;
            if (probe) {
                int requests = AllocationProbe.requestsPerWorker(plan.rate(), plan.seconds(), setup.workers());
                progress.accept("observe: probing the app's tracked objects per request over a fresh worker's first "
                        + requests + " requests");
                survivors = AllocationProbe.survivorsPerRequest(session, recipe, setup, launcher, env, load, requests, plan.seed());
            }
            progress.accept("observe: starting " + server + " with " + setup.workers() + " workers on 127.0.0.1:" + setup.port());
            ServerProcess process = session.startServer(folder -> ServerProcess.start(setup.python(), launcher,
                    recipe.command(setup, folder), env, folder.resolve("server.log"), setup.port()));
            process.awaitReady(reader, setup.workers());
            OpenLoopLoad.Outcome outcome;
            List<WorkerExit> stopExits;
            try (Sampler sampler = new Sampler(reader, process.masterPid(), Instant.now())) {
                sampler.start(SAMPLE_EVERY);
                progress.accept(String.format("observe: %.0f s of %s load at %.4g requests/s", plan.seconds(),
                        plan.arrivals().name().toLowerCase(java.util.Locale.ROOT), plan.rate()));
                outcome = load.run(plan);
                sampler.close();
                sampler.sampleNow();
                if (outcome.mostFailed()) {
                    throw new ObserveException(outcome.failed() + " of " + outcome.sent() + " requests failed, first: "
                            + outcome.firstFailure() + process.logTail());
                }
                progress.accept("observe: stopping the server and measuring each worker's exit");
                stopExits = process.stopMeasuringExits(reader, sampler, recipe.stopSignal());
                sampler.addStopExits(stopExits);
                return new Observation(server, setup.policy().name(), setup.workers(), sampler.samples(), sampler.exits(),
                        outcome, readForks(forks), recipe.recipe(setup.policy(), setup.app(), false), survivors);
            }
        }
    }

    /** Samples a running master and its workers for a while, with no load and no policy of its own. */
    public static Observation attach(long pid, double seconds, Consumer<String> progress) throws InterruptedException {
        ProcReader reader = new ProcReader();
        if (reader.stat(pid).isEmpty()) {
            throw new ObserveException("--attach " + pid + ": no such process");
        }
        try (Sampler sampler = new Sampler(reader, pid, Instant.now())) {
            int workers = sampler.workers().size();
            if (workers == 0) {
                throw new ObserveException("--attach " + pid + ": not a master with workers (the process has no child processes)");
            }
            if (reader.rollup(pid).isEmpty()) {
                throw new ObserveException("--attach " + pid + ": cannot read /proc/" + pid + "/smaps_rollup (another user's process?)");
            }
            progress.accept("observe: sampling master " + pid + " and its " + workers + " workers for " + seconds + " s");
            sampler.start(SAMPLE_EVERY);
            Thread.sleep((long) (seconds * 1000));
            sampler.close();
            String name = ProcessHandle.of(pid).flatMap(h -> h.info().command()).map(c -> Path.of(c).getFileName().toString())
                    .orElse("unknown");
            return new Observation(name, "as running", workers, sampler.samples(), sampler.exits(), null, List.of(), null, Double.NaN);
        }
    }

    private static String pythonPath(List<Path> folders) {
        List<String> parts = folders.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.toCollection(ArrayList::new));
        String inherited = System.getenv("PYTHONPATH");
        if (inherited != null && !inherited.isEmpty()) {
            parts.add(inherited);
        }
        return String.join(":", parts);
    }

    private static List<long[]> readForks(Path forks) throws IOException {
        List<long[]> counters = new ArrayList<>();
        if (!Files.exists(forks)) {
            return counters;
        }
        for (String line : Files.readAllLines(forks)) {
            String[] f = line.trim().split(" ");
            if (f.length == 4) {
                counters.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])});
            }
        }
        return counters;
    }
}
