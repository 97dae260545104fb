package dev.cowfleet.sim.calibrate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code cowfleet calibrate} was asked to do.
 *
 * @param python       the interpreter to measure
 * @param preload      module the master imports (from the interpreter's sys.path, PYTHONPATH honoured);
 *                     null for the shipped synthetic app
 * @param syntheticMiB size of the synthetic app's heap (ignored with a preload module)
 * @param workers      workers forked per policy
 * @param requests     synthetic requests each worker serves before the explicit collection
 * @param policies     probe policy names (e.g. {@code default}, {@code freeze-exit}); empty for every
 *                     policy the interpreter supports
 * @param timeout      how long the probe may run
 */
public record CalibrationOptions(Path python, String preload, double syntheticMiB, int workers, int requests,
                                 List<String> policies, Duration timeout) {

    public static final String SYNTHETIC_APP = "cowfleet_synthetic_app";

    public CalibrationOptions {
        Objects.requireNonNull(python, "python");
        policies = List.copyOf(policies);
        Objects.requireNonNull(timeout, "timeout");
        if (preload != null && !preload.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new IllegalArgumentException("--preload '" + preload
                    + "': expected a dotted module name like myapp.wsgi");
        }
        if (!(syntheticMiB > 0)) {
            throw new IllegalArgumentException("synthetic heap " + syntheticMiB + " MiB: expected a positive size");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("--workers " + workers + ": expected at least 1");
        }
        if (requests < 1) {
            throw new IllegalArgumentException("--requests " + requests + ": expected at least 1");
        }
    }

    /** Defaults of the command line: the synthetic app at 64 MiB, 2 workers, 200 requests, all policies. */
    public static CalibrationOptions defaults(Path python) {
        return new CalibrationOptions(python, null, 64, 2, 200, List.of(), Duration.ofMinutes(10));
    }

    public String preloadModule() {
        return preload == null ? SYNTHETIC_APP : preload;
    }

    public CalibrationOptions withPreload(String module) {
        return new CalibrationOptions(python, module, syntheticMiB, workers, requests, policies, timeout);
    }

    public CalibrationOptions withSyntheticMiB(double mib) {
        return new CalibrationOptions(python, preload, mib, workers, requests, policies, timeout);
    }

    public CalibrationOptions withWorkers(int n) {
        return new CalibrationOptions(python, preload, syntheticMiB, n, requests, policies, timeout);
    }

    public CalibrationOptions withRequests(int n) {
        return new CalibrationOptions(python, preload, syntheticMiB, workers, n, policies, timeout);
    }

    public CalibrationOptions withPolicies(List<String> names) {
        return new CalibrationOptions(python, preload, syntheticMiB, workers, requests, names, timeout);
    }
}
