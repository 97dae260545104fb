package dev.cowfleet.sim.calibrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Finds the interpreter {@code --python} names and checks that it is a CPython 3.6+ before the probe
 * runs, so that a wrong path or a program that is not Python gets one clear line.
 */
public final class PythonInterpreter {
    private static final String IDENTIFY = "import sys; sys.stdout.write('cowfleet-python %d.%d.%d %s' % "
            + "(sys.version_info[:3] + (getattr(getattr(sys, 'implementation', None), 'name', 'python2'),)))";
    private static final long IDENTIFY_SECONDS = 30;

    private PythonInterpreter() {
    }

    /** A name without a slash is looked up on PATH, as a shell does ({@code --python python3}). */
    public static Path resolve(String given) {
        if (given.isEmpty()) {
            throw new CalibrationException("--python: expected a path or a name on PATH like python3, got ''");
        }
        if (!given.contains("/")) {
            String path = System.getenv().getOrDefault("PATH", "");
            for (String folder : path.split(":")) {
                Path candidate = Path.of(folder.isEmpty() ? "." : folder, given);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
            throw new CalibrationException("--python " + given + ": not found on PATH; expected a path like "
                    + "/usr/bin/python3 or a name on PATH");
        }
        return Path.of(given);
    }

    /** Runs the interpreter once to read its version; refuses anything that is not CPython 3.6 or later. */
    static String identify(Path python) {
        if (!Files.isRegularFile(python) || !Files.isExecutable(python)) {
            throw new CalibrationException("--python " + python + ": no executable interpreter there; "
                    + "expected a path like ~/.pyenv/versions/3.11.7/bin/python");
        }
        String answer;
        Process process = null;
        try {
            process = new ProcessBuilder(python.toString(), "-c", IDENTIFY).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            try (InputStream out = process.getInputStream()) {
                answer = new String(out.readNBytes(4096), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(IDENTIFY_SECONDS, TimeUnit.SECONDS)) {
                throw new CalibrationException("--python " + python + ": not a Python interpreter (no answer within "
                        + IDENTIFY_SECONDS + " s to a version query)");
            }
        } catch (IOException e) {
            throw new CalibrationException("--python " + python + ": cannot run it (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalibrationException("calibration interrupted");
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
        }
        String[] parts = answer.split(" ");
        if (parts.length != 3 || !parts[0].equals("cowfleet-python")) {
            throw new CalibrationException("--python " + python + ": not a Python interpreter (it did not answer a "
                    + "version query); expected CPython 3.6 or later");
        }
        String[] version = parts[1].split("\\.");
        int major = Integer.parseInt(version[0]);
        int minor = Integer.parseInt(version[1]);
        if (!parts[2].equals("cpython") || major != 3 || minor < 6) {
            throw new CalibrationException("--python " + python + ": " + parts[2] + " " + parts[1]
                    + "; calibration needs CPython 3.6 or later (id() must be an address, gc.get_stats must exist)");
        }
        return parts[1];
    }
}
