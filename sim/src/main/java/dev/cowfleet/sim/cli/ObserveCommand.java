package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.app.RequestMix;
import dev.cowfleet.sim.app.RequestMixException;
import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.Engines;
import dev.cowfleet.sim.observe.AppRef;
import dev.cowfleet.sim.observe.InterpreterPath;
import dev.cowfleet.sim.observe.LoadPlan;
import dev.cowfleet.sim.observe.ObservationWriter;
import dev.cowfleet.sim.observe.Observation;
import dev.cowfleet.sim.observe.ObserveException;
import dev.cowfleet.sim.observe.ObservePolicy;
import dev.cowfleet.sim.observe.ObserveResult;
import dev.cowfleet.sim.observe.ObservedSetupSimulation;
import dev.cowfleet.sim.observe.Observer;
import dev.cowfleet.sim.observe.ServerSetup;
import dev.cowfleet.sim.scenario.ScenarioException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cowfleet observe}: runs the app under a real Gunicorn or uWSGI with a policy, samples every
 * process each second under an open-loop load, and with {@code --scenario} overlays the simulation of
 * the same setup. {@code --attach PID} samples a running master instead.
 */
@Command(name = "observe", mixinStandardHelpOptions = true,
        description = "Runs the app under a real Gunicorn or uWSGI (127.0.0.1) with a GC policy, sends the request mix "
                + "as an open-loop load, samples master and workers every second (smaps_rollup, minor faults, age), "
                + "measures each worker's exit, and with --scenario overlays the simulated setup. "
                + "--attach PID samples an already running master and its workers.")
final class ObserveCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)?");
    private static final Pattern RATE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(/s)?");
    private static final double MAX_SECONDS = 24 * 3600;

    @Option(names = "--server", paramLabel = "gunicorn|uwsgi", description = "The real server to run.")
    String server;

    @Option(names = "--python", paramLabel = "PATH", description = "The interpreter that runs the app (found on PATH if bare).")
    String python;

    @Option(names = "--app", paramLabel = "MODULE:CALLABLE", description = "The WSGI application (callable default: application).")
    String app;

    @Option(names = "--requests", paramLabel = "FILE", description = "Request mix, one '" + RequestMix.FORM + "' per line.")
    Path requests;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "4", description = "Workers (default: 4).")
    int workers;

    @Option(names = "--rate", paramLabel = "R/s", defaultValue = "20/s", description = "Open-loop request rate (default: 20/s).")
    String rate;

    @Option(names = "--arrivals", paramLabel = "poisson|fixed", defaultValue = "poisson",
            description = "Request times: poisson (independent users, the default) or fixed (evenly spaced at the rate).")
    String arrivals;

    @Option(names = "--duration", paramLabel = "D", required = true, description = "How long to load (or, with --attach, sample), e.g. 30s or 2m.")
    String duration;

    @Option(names = "--max-requests", paramLabel = "M", defaultValue = "0", description = "Recycle a worker after M requests (default: never).")
    long maxRequests;

    @Option(names = "--policy", paramLabel = "NAME", defaultValue = "default",
            description = "default, disable, threshold0 or freeze, each also with -exit (os._exit at worker exit).")
    String policy;

    @Option(names = "--scenario", paramLabel = "FILE", description = "Simulate the same setup with this scenario and overlay it.")
    Path scenario;

    @Option(names = "--attach", paramLabel = "PID", description = "Sample this running master and its workers; no server, no load.")
    Long attach;

    @Option(names = "--pythonpath", paramLabel = "DIR", description = "Folder put in front of PYTHONPATH so the app imports (repeatable).")
    List<Path> pythonPath = new ArrayList<>();

    @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "Port on 127.0.0.1 (default: a free one).")
    int port;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Fixes the arrival times and requests drawn.")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: output/observe-<server>-<policy>/).")
    Path out;

    @Option(names = "--quiet", description = "Prints only errors and the final line.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        double seconds = seconds(duration);
        Consumer<String> progress = quiet ? line -> { } : line -> spec.commandLine().getErr().println(line);
        try {
            if (attach != null) {
                Path target = out != null ? out : Path.of("output", "observe-attach-" + attach);
                ObservationWriter writer = new ObservationWriter(target);
                OutputTarget.require(writer::checkTarget);
                Observation observation = Observer.attach(attach, seconds, progress);
                ObserveResult result = ObserveResult.measuredOnly(observation);
                OutputTarget.require(() -> writer.write(result));
                return finish(result, writer);
            }
            ObservePolicy chosen = ObservePolicy.parse(policy);
            require(server, "--server gunicorn|uwsgi");
            require(python, "--python PATH");
            if (!server.equals("gunicorn") && !server.equals("uwsgi")) {
                throw new BadInputException("--server: expected gunicorn or uwsgi, got '" + server + "'");
            }
            require(app, "--app MODULE:CALLABLE");
            require(requests, "--requests FILE");
            if (workers < 1 || workers > 256) {
                throw new BadInputException("--workers: expected 1 to 256, got " + workers);
            }
            if (maxRequests < 0) {
                throw new BadInputException("--max-requests: expected 0 (never) or more, got " + maxRequests);
            }
            double perSecond = rate(rate);
            LoadPlan.Arrivals schedule = arrivals(arrivals);
            RequestMix mix = RequestMix.read(requests);
            if (scenario != null) {
                ObservedSetupSimulation.check(scenario, server, workers, perSecond, seconds, maxRequests, chosen.name());
            }
            ObservationWriter writer = new ObservationWriter(out != null ? out : Path.of("output", "observe-" + server + "-" + chosen.name()));
            OutputTarget.require(writer::checkTarget);
            ServerSetup setup = new ServerSetup(InterpreterPath.find(python), AppRef.parse(app), pythonPath, workers,
                    port != 0 ? port : freePort(), maxRequests, chosen, null);
            Observation observation = Observer.run(server, setup, mix, new LoadPlan(schedule, perSecond, seconds, seed),
                    scenario != null, progress);
            ObserveResult result = ObserveResult.measuredOnly(observation);
            if (scenario != null) {
                progress.accept("observe: simulating the same setup with " + scenario);
                try (ExecutionEngine engine = Engines.create("local", Runtime.getRuntime().availableProcessors(), null)) {
                    result = result.withSimulation(ObservedSetupSimulation.run(scenario, observation, perSecond, seconds,
                            maxRequests, engine));
                }
            }
            ObserveResult written = result;
            OutputTarget.require(() -> writer.write(written));
            return finish(result, writer);
        } catch (ObserveException | RequestMixException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private int finish(ObserveResult result, ObservationWriter writer) {
        if (!quiet) {
            spec.commandLine().getOut().print(writer.table(result));
        }
        spec.commandLine().getOut().printf("observe: %s%n", writer.report());
        return ExitCodes.OK;
    }

    private static void require(Object value, String option) {
        if (value == null) {
            throw new BadInputException("observe needs " + option + " (or --attach PID)");
        }
    }

    static double seconds(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new BadInputException("--duration: expected a length such as 30s, 2m or 1h, got '" + text + "'");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double seconds = switch (unit) {
            case "ms" -> value / 1000;
            case "m" -> value * 60;
            case "h" -> value * 3600;
            default -> value;
        };
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new BadInputException("--duration: expected 1s to 24h, got '" + text + "'");
        }
        return seconds;
    }

    static double rate(String text) {
        Matcher m = RATE.matcher(text.strip());
        double value = m.matches() ? Double.parseDouble(m.group(1)) : -1;
        if (value <= 0 || value > 10_000) {
            throw new BadInputException("--rate: expected requests per second above 0 and at most 10000, such as 20/s, got '" + text + "'");
        }
        return value;
    }

    static LoadPlan.Arrivals arrivals(String text) {
        return switch (text) {
            case "poisson" -> LoadPlan.Arrivals.POISSON;
            case "fixed" -> LoadPlan.Arrivals.FIXED;
            default -> throw new BadInputException("--arrivals: expected poisson or fixed, got '" + text + "'");
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
