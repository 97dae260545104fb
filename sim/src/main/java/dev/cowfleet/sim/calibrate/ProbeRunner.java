package dev.cowfleet.sim.calibrate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the shipped {@code probe.py} with a given interpreter and parses its JSON. The probe and the
 * synthetic app are extracted from the jar into a temporary folder, which becomes the script's
 * folder and so the first entry of the interpreter's sys.path; the environment, PYTHONPATH included,
 * passes through unchanged.
 */
public final class ProbeRunner {
    static final String RESOURCE_DIR = "/dev/cowfleet/sim/calibrate/";
    static final String PROBE = "probe.py";
    static final String SYNTHETIC_APP = CalibrationOptions.SYNTHETIC_APP + ".py";
    private static final int STDERR_TAIL_LINES = 20;

    // The probe's exit statuses (see probe.py).
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_IMPORT = 3;
    private static final int EXIT_PLATFORM = 4;

    private final Consumer<String> progress;

    /** @param progress receives the probe's progress lines (its stderr) as they come */
    public ProbeRunner(Consumer<String> progress) {
        this.progress = progress;
    }

    public ProbeReport run(CalibrationOptions options) {
        requireInterpreter(options.python());
        Path folder = null;
        try {
            folder = Files.createTempDirectory("cowfleet-probe-");
            Path probe = extract(folder, PROBE);
            extract(folder, SYNTHETIC_APP);
            return parse(execute(command(options, probe), options), options);
        } catch (IOException e) {
            throw new CalibrationException("cannot run the probe: " + e.getMessage(), e);
        } finally {
            deleteQuietly(folder);
        }
    }

    static void requireInterpreter(Path python) {
        if (!Files.isRegularFile(python) || !Files.isExecutable(python)) {
            throw new CalibrationException("--python " + python + ": no executable interpreter there; "
                    + "expected a path like ~/.pyenv/versions/3.11.7/bin/python");
        }
    }

    static List<String> command(CalibrationOptions options, Path probe) {
        List<String> command = new ArrayList<>(List.of(options.python().toString(), probe.toString(),
                "--preload", options.preloadModule(),
                "--workers", String.valueOf(options.workers()),
                "--requests", String.valueOf(options.requests())));
        if (!options.policies().isEmpty()) {
            command.add("--policies");
            command.add(String.join(",", options.policies()));
        }
        return command;
    }

    private String execute(List<String> command, CalibrationOptions options) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("COWFLEET_SYNTHETIC_MB", String.format(Locale.ROOT, "%s", options.syntheticMiB()));
        // No __pycache__ in the temporary folder, and no stale bytecode from an earlier extraction.
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Path stdout = Files.createTempFile("cowfleet-probe-", ".json");
        try {
            builder.redirectOutput(stdout.toFile());
            Process process = builder.start();
            Deque<String> tail = new ArrayDeque<>();
            Thread reader = new Thread(() -> forward(process.getErrorStream(), tail), "probe-stderr");
            reader.start();
            boolean finished;
            try {
                finished = process.waitFor(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    process.destroyForcibly().waitFor();
                }
                reader.join();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new CalibrationException("calibration interrupted", e);
            }
            if (!finished) {
                throw new CalibrationException("probe did not finish within " + options.timeout().toSeconds()
                        + " s (--python " + options.python() + ")");
            }
            checkStatus(process.exitValue(), lastLines(tail), options);
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(stdout);
        }
    }

    private void forward(InputStream stream, Deque<String> tail) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > STDERR_TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                progress.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lastLines(Deque<String> tail) {
        synchronized (tail) {
            return String.join(" | ", tail);
        }
    }

    private static void checkStatus(int status, String stderr, CalibrationOptions options) {
        String detail = stderr.isBlank() ? "no message" : stderr.replace("probe: ", "");
        switch (status) {
            case 0 -> { }
            case EXIT_IMPORT -> throw new CalibrationException("--preload " + options.preloadModule()
                    + ": the module failed to import in " + options.python() + ": " + detail);
            case EXIT_PLATFORM -> throw new CalibrationException("calibration needs CPython on Linux with /proc: "
                    + detail);
            case EXIT_USAGE -> throw new CalibrationException("probe rejected its arguments: " + detail);
            default -> throw new CalibrationException("probe failed with status " + status + " under "
                    + options.python() + ": " + detail);
        }
    }

    static ProbeReport parse(String json, CalibrationOptions options) {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try {
            return mapper.readValue(json, ProbeReport.class);
        } catch (JacksonException e) {
            throw new CalibrationException("probe output under " + options.python()
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
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the calibration result matters more.
        }
    }
}
