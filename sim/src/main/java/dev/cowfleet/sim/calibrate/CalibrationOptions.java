package dev.cowfleet.sim.calibrate;

import dev.cowfleet.sim.app.RequestMix;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code cowfleet calibrate} was asked to do.
 *
 * @param python       the interpreter to measure
 * @param preload      module the master imports (from the interpreter's sys.path, PYTHONPATH honoured);
 *                     null for the shipped synthetic app or an {@code app}
 * @param syntheticMiB size of the synthetic app's heap (ignored with a preload module or an app)
 * @param workers      workers forked per policy
 * @param requests     requests each worker serves before the explicit collection
 * @param policies     probe policy names (e.g. {@code default}, {@code freeze-exit}); empty for every
 *                     policy the interpreter supports
 * @param timeout      how long the probe may run
 * @param app          {@code MODULE[:CALLABLE]} of a WSGI application whose requests the workers serve; null
 *                     for the synthetic request
 * @param mix          the requests the app is served (with {@code app})
 * @param appFolder    the folder put first on the app's sys.path, as Gunicorn's {@code --chdir} (default: the
 *                     current folder)
 */
public record CalibrationOptions(Path python, String preload, double syntheticMiB, int workers, int requests,
                                 List<String> policies, Duration timeout, String app, RequestMix mix, Path appFolder) {

    public static final String SYNTHETIC_APP = "cowfleet_synthetic_app";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);
    private static final String MODULE = "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*";

    public CalibrationOptions {
        Objects.requireNonNull(python, "python");
        policies = List.copyOf(policies);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(appFolder, "appFolder");
        if (preload != null && !preload.matches(MODULE)) {
            throw new IllegalArgumentException("--preload '" + preload + "': expected a dotted module name like myapp.wsgi"
                    + (preload.contains(":") ? " (for MODULE:CALLABLE and real requests use --app with --requests FILE)" : ""));
        }
        if (app != null && !app.matches(MODULE + "(:" + MODULE + ")?")) {
            throw new IllegalArgumentException("--app '" + app + "': expected MODULE[:CALLABLE] like myapp.wsgi:application");
        }
        if ((app == null) != (mix == null)) {
            throw new IllegalArgumentException("--app and --requests FILE go together");
        }
        if (app != null && preload != null) {
            throw new IllegalArgumentException("give either --app (real requests) or --preload (synthetic requests), not both");
        }
        if (!(syntheticMiB > 0)) {
            throw new IllegalArgumentException("synthetic heap " + syntheticMiB + " MiB: expected a positive size");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("--workers " + workers + ": expected at least 1");
        }
        if (requests < 1) {
            throw new IllegalArgumentException("--requests-per-worker " + requests + ": expected at least 1");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout " + timeout.toSeconds() + ": expected at least 1 second");
        }
    }

    /** Defaults of the command line: the synthetic app at 64 MiB, 2 workers, 200 requests, all policies. */
    public static CalibrationOptions defaults(Path python) {
        return new CalibrationOptions(python, null, 64, 2, 200, List.of(), DEFAULT_TIMEOUT, null, null,
                Path.of("").toAbsolutePath());
    }

    public String preloadModule() {
        return app != null ? app : preload == null ? SYNTHETIC_APP : preload;
    }

    /** The flag the user named the module with, for messages. */
    public String moduleFlag() {
        return app != null ? "--app " + app : "--preload " + preloadModule();
    }

    public CalibrationOptions withPreload(String module) {
        return new CalibrationOptions(python, module, syntheticMiB, workers, requests, policies, timeout, app, mix, appFolder);
    }

    public CalibrationOptions withApp(String spec, RequestMix requestMix) {
        return new CalibrationOptions(python, preload, syntheticMiB, workers, requests, policies, timeout, spec, requestMix, appFolder);
    }

    public CalibrationOptions withSyntheticMiB(double mib) {
        return new CalibrationOptions(python, preload, mib, workers, requests, policies, timeout, app, mix, appFolder);
    }

    public CalibrationOptions withWorkers(int n) {
        return new CalibrationOptions(python, preload, syntheticMiB, n, requests, policies, timeout, app, mix, appFolder);
    }

    public CalibrationOptions withRequests(int n) {
        return new CalibrationOptions(python, preload, syntheticMiB, workers, n, policies, timeout, app, mix, appFolder);
    }

    public CalibrationOptions withPolicies(List<String> names) {
        return new CalibrationOptions(python, preload, syntheticMiB, workers, requests, names, timeout, app, mix, appFolder);
    }

    public CalibrationOptions withAppFolder(Path folder) {
        return new CalibrationOptions(python, preload, syntheticMiB, workers, requests, policies, timeout, app, mix,
                folder.toAbsolutePath());
    }

    public CalibrationOptions withTimeout(Duration limit) {
        return new CalibrationOptions(python, preload, syntheticMiB, workers, requests, policies, limit, app, mix, appFolder);
    }
}
