package dev.cowfleet.sim.calibrate;

import dev.cowfleet.sim.app.Request;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs the shipped {@code probe.py} with a given interpreter and reads its report. The probe, its WSGI
 * driver and the synthetic app are extracted from the jar into a temporary folder, which becomes the
 * script's folder and so the first entry of the interpreter's sys.path; with {@code --app} the app's
 * folder ({@code --chdir}, default the current folder) comes next (as Gunicorn puts it on sys.path), then PYTHONPATH as given. The report comes back
 * through a file, never stdout, which the app may print to.
 */
public final class ProbeRunner {
    static final String RESOURCE_DIR = "/dev/cowfleet/sim/calibrate/";
    static final String PROBE = "probe.py";
    static final String WSGI_DRIVER = "cowfleet_probe_wsgi.py";
    static final String SYNTHETIC_APP = CalibrationOptions.SYNTHETIC_APP + ".py";
    static final String REPORT = "report.json";
    static final String MIX = "mix.json";

    // The probe's exit statuses (see probe.py).
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_IMPORT = 3;
    private static final int EXIT_PLATFORM = 4;
    private static final int EXIT_APP = 6;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Consumer<String> progress;

    /** @param progress receives the probe's progress lines (its stderr) as they come */
    public ProbeRunner(Consumer<String> progress) {
        this.progress = progress;
    }

    public ProbeReport run(CalibrationOptions options) {
        PythonInterpreter.identify(options.python());
        Path folder;
        try {
            folder = Files.createTempDirectory("cowfleet-probe-");
        } catch (IOException e) {
            throw new CalibrationException("cannot run the probe: " + e.getMessage(), e);
        }
        try {
            Path probe = extract(folder, PROBE);
            extract(folder, WSGI_DRIVER);
            extract(folder, SYNTHETIC_APP);
            Path mix = options.mix() == null ? null : writeMix(folder, options);
            Path report = folder.resolve(REPORT);
            ProbeProcess.Outcome outcome = new ProbeProcess(progress).run(command(options, probe, mix, report),
                    environment(options), report, options.timeout(), () -> deleteQuietly(folder));
            return read(report, outcome, options);
        } catch (IOException e) {
            throw new CalibrationException("cannot run the probe: " + e.getMessage(), e);
        } finally {
            deleteQuietly(folder);
        }
    }

    static List<String> command(CalibrationOptions options, Path probe, Path mix, Path report) {
        List<String> command = new ArrayList<>(List.of(options.python().toString(), probe.toString(),
                "--workers", String.valueOf(options.workers()),
                "--requests", String.valueOf(options.requests()),
                "--report", report.toString()));
        if (options.app() != null) {
            command.addAll(List.of("--app", options.app(), "--mix", mix.toString()));
        } else {
            command.addAll(List.of("--preload", options.preloadModule()));
        }
        if (!options.policies().isEmpty()) {
            command.add("--policies");
            command.add(String.join(",", options.policies()));
        }
        return command;
    }

    private static Map<String, String> environment(CalibrationOptions options) {
        Map<String, String> environment = new HashMap<>();
        environment.put("COWFLEET_SYNTHETIC_MB", String.format(Locale.ROOT, "%s", options.syntheticMiB()));
        // No __pycache__ in the temporary folder, and no stale bytecode from an earlier extraction.
        environment.put("PYTHONDONTWRITEBYTECODE", "1");
        if (options.app() != null) {
            String cwd = options.appFolder().toString();
            String given = System.getenv("PYTHONPATH");
            environment.put("PYTHONPATH", given == null || given.isEmpty() ? cwd : cwd + ":" + given);
        }
        return environment;
    }

    /** The request mix for the probe: cowfleet parsed it, the probe only reads this JSON. */
    private static Path writeMix(Path folder, CalibrationOptions options) throws IOException {
        ArrayNode requests = JSON.createArrayNode();
        for (Request r : options.mix().requests()) {
            ObjectNode node = requests.addObject();
            node.put("weight", r.weight());
            node.put("method", r.method());
            node.put("target", r.target());
            node.put("path", r.path());
            node.put("query", r.query());
            node.put("body", r.body().map(Path::toString).orElse(null));
            node.put("line", r.line());
        }
        return Files.writeString(folder.resolve(MIX), JSON.writeValueAsString(requests), StandardCharsets.UTF_8);
    }

    private static ProbeReport read(Path report, ProbeProcess.Outcome outcome, CalibrationOptions options)
            throws IOException {
        if (!Files.exists(report)) {
            if (outcome.ending() == ProbeProcess.Ending.TIMED_OUT) {
                throw new CalibrationException("probe did not finish within " + options.timeout().toSeconds()
                        + " s (--python " + options.python() + "); raise --timeout or serve fewer requests");
            }
            String detail = outcome.stderrTail().isBlank() ? "no message" : outcome.stderrTail().replace("probe: ", "");
            throw new CalibrationException("probe failed with status " + outcome.status() + " under "
                    + options.python() + " without a report: " + detail);
        }
        String json = Files.readString(report, StandardCharsets.UTF_8);
        JsonNode error = parseTree(json, options).get("error");
        if (error != null) {
            throw failure(outcome.status(), error.asString(), options);
        }
        return parse(json, options);
    }

    private static JsonNode parseTree(String json, CalibrationOptions options) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new CalibrationException("probe report under " + options.python()
                    + " is not the expected JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static CalibrationException failure(int status, String message, CalibrationOptions options) {
        return switch (status) {
            case EXIT_IMPORT -> new CalibrationException(options.moduleFlag() + ": the module failed to import in "
                    + options.python() + ": " + message.replaceFirst("^(--app \\S+|cannot import preload module '[^']*'): ", ""));
            case EXIT_PLATFORM -> new CalibrationException("calibration needs CPython on Linux with /proc: " + message);
            case EXIT_USAGE -> new CalibrationException("probe rejected its arguments: " + message);
            case EXIT_APP -> new CalibrationException(message);
            default -> new CalibrationException("probe failed under " + options.python() + ": " + message);
        };
    }

    static ProbeReport parse(String json, CalibrationOptions options) {
        try {
            return JSON.readValue(json, ProbeReport.class);
        } catch (JacksonException e) {
            throw new CalibrationException("probe report under " + options.python()
                    + " is not the expected JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Path extract(Path folder, String name) throws IOException {
        try (InputStream in = ProbeRunner.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE_DIR + name + " missing from the build");
            }
            Path target = folder.resolve(name);
            Files.copy(in, target);
            return target;
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the calibration result matters more.
        }
    }
}
