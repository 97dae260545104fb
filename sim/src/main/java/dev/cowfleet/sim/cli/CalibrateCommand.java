package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.calibrate.Calibration;
import dev.cowfleet.sim.calibrate.CalibrationException;
import dev.cowfleet.sim.calibrate.CalibrationOptions;
import dev.cowfleet.sim.calibrate.CalibrationReport;
import dev.cowfleet.sim.calibrate.CalibrationTable;
import dev.cowfleet.sim.calibrate.CalibrationWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cowfleet calibrate}: measures a real interpreter's heap and forked workers with the shipped
 * probe, writes the scenario heap fragment, and checks the model's predictions against the measurement.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Runs the stdlib-only probe under a real CPython: measures the preloaded heap and forked "
                + "workers per policy, writes heap.yaml for your scenarios and calibration.json comparing "
                + "measured with predicted worker private memory.")
final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--python", required = true, paramLabel = "PATH", description = "The CPython interpreter to measure.")
    Path python;

    @Option(names = "--preload", paramLabel = "MODULE",
            description = "Module the master imports before fork (default: the shipped synthetic app). "
                    + "PYTHONPATH is passed through.")
    String preload;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Workers forked per policy.")
    int workers;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "200", description = "Requests per worker.")
    int requests;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "output/calibration",
            description = "Output folder (default: output/calibration/).")
    Path outDir;

    @Option(names = "--quiet", description = "Prints only errors and the final line.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (workers < 1 || requests < 1) {
            throw new BadInputException("--workers and --requests must be at least 1, got " + workers + " and " + requests);
        }
        PrintWriter out = spec.commandLine().getOut();
        OutputTarget.require(() -> CalibrationWriter.checkTarget(outDir));
        CalibrationOptions options = CalibrationOptions.defaults(python).withWorkers(workers).withRequests(requests);
        if (preload != null) {
            options = options.withPreload(preload);
        }
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
        return ExitCodes.OK;
    }
}
