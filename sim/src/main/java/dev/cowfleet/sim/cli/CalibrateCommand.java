package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.app.RequestMix;
import dev.cowfleet.sim.app.RequestMixException;
import dev.cowfleet.sim.calibrate.Calibration;
import dev.cowfleet.sim.calibrate.CalibrationException;
import dev.cowfleet.sim.calibrate.CalibrationOptions;
import dev.cowfleet.sim.calibrate.CalibrationReport;
import dev.cowfleet.sim.calibrate.CalibrationTable;
import dev.cowfleet.sim.calibrate.CalibrationWriter;
import dev.cowfleet.sim.calibrate.PythonInterpreter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cowfleet calibrate}: measures a real interpreter's heap and forked workers with the shipped
 * probe, serving either the user's WSGI app's requests ({@code --app}, {@code --requests FILE}) or the
 * synthetic request, writes the scenario and checks the model's predictions against the measurement.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Runs the stdlib-only probe under a real CPython: the master imports your app (as Gunicorn "
                + "--preload does), measurement workers measure every model input from your requests, and "
                + "experiment workers per policy are compared with the model. Writes scenario.yaml (runs as is "
                + "with compare), heap.yaml and calibration.json.")
final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--python", required = true, paramLabel = "PYTHON",
            description = "The CPython interpreter to measure: a path, or a name looked up on PATH (python3).")
    String python;

    @Option(names = "--app", paramLabel = "MODULE[:CALLABLE]",
            description = "WSGI application the master imports and the workers call in process "
                    + "(callable defaults to application); needs --requests. The current folder is on sys.path.")
    String app;

    @Option(names = "--requests", paramLabel = "FILE",
            description = "Request file for --app: one request per line, [WEIGHT] METHOD TARGET [@BODYFILE].")
    Path requestFile;

    @Option(names = "--chdir", paramLabel = "DIR",
            description = "With --app: the folder put first on sys.path, as Gunicorn's --chdir (default: the current folder).")
    Path chdir;

    @Option(names = "--preload", paramLabel = "MODULE",
            description = "Heap-only form: module the master imports, workers serve the synthetic request "
                    + "(default without --app: the shipped synthetic app). PYTHONPATH is passed through.")
    String preload;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Workers forked per policy.")
    int workers;

    @Option(names = "--requests-per-worker", paramLabel = "N", defaultValue = "200",
            description = "Requests each worker serves (measurement workers too).")
    int requests;

    @Option(names = "--policies", paramLabel = "LIST", split = ",",
            description = "Policies to run, e.g. default,freeze-exit (default: every one the interpreter supports).")
    java.util.List<String> policies;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Stop the probe (and everything it started) after this long.")
    long timeoutSeconds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "output/calibration", description = "Output folder.")
    Path outDir;

    @Option(names = "--quiet", description = "Prints only errors and the final line.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (workers < 1 || requests < 1) {
            throw new BadInputException("--workers and --requests-per-worker must be at least 1, got " + workers
                    + " and " + requests);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 86_400) {
            throw new BadInputException("--timeout " + timeoutSeconds + ": expected seconds from 1 to 86400");
        }
        if ((app == null) != (requestFile == null)) {
            throw new BadInputException(app == null ? "--requests FILE needs --app MODULE[:CALLABLE]"
                    : "--app needs --requests FILE, the requests to serve ([WEIGHT] METHOD TARGET [@BODYFILE] per line)");
        }
        PrintWriter out = spec.commandLine().getOut();
        CalibrationOptions options = options();
        OutputTarget.require(() -> CalibrationWriter.checkTarget(outDir));
        CalibrationReport report;
        try {
            report = Calibration.run(options, quiet ? line -> { } : line -> spec.commandLine().getErr().println(line));
        } catch (CalibrationException e) {
            throw new BadInputException(e.getMessage());
        }
        CalibrationReport written = report;
        OutputTarget.require(() -> CalibrationWriter.write(written, outDir));
        if (!quiet) {
            out.print(CalibrationTable.render(report));
        }
        out.printf("calibration: %s%n", outDir.resolve(CalibrationWriter.CELLS_FILE));
        out.printf("scenario: %s (cowfleet compare %s)%n", outDir.resolve(CalibrationWriter.SCENARIO_FILE),
                outDir.resolve(CalibrationWriter.SCENARIO_FILE));
        return ExitCodes.OK;
    }

    private RequestMix readMix() {
        if (requestFile.toString().matches("[0-9]+") && !java.nio.file.Files.exists(requestFile)) {
            throw new BadInputException("--requests " + requestFile + ": expected a request file ([WEIGHT] METHOD "
                    + "TARGET [@BODYFILE] per line); for a count of requests per worker use --requests-per-worker");
        }
        return RequestMix.read(requestFile);
    }

    private CalibrationOptions options() {
        try {
            CalibrationOptions options = CalibrationOptions.defaults(PythonInterpreter.resolve(python))
                    .withWorkers(workers).withRequests(requests).withTimeout(Duration.ofSeconds(timeoutSeconds));
            if (app != null) {
                options = options.withApp(app, readMix());
                if (chdir != null) {
                    if (!java.nio.file.Files.isDirectory(chdir)) {
                        throw new BadInputException("--chdir " + chdir + ": no such folder");
                    }
                    options = options.withAppFolder(chdir);
                }
            }
            if (policies != null) {
                options = options.withPolicies(policies);
            }
            return preload != null ? options.withPreload(preload) : options;
        } catch (CalibrationException | RequestMixException | IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
