package dev.cowfleet.sim.calibrate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The probe as a running process: started in its own process group (the probe calls setpgid), its
 * stdout thrown away (an app may print; the protocol is the report file), its stderr forwarded as
 * progress. It ends by SIGKILL to the whole group, so the master, its workers and anything the app
 * forked go with it: after the report is complete and a bounded grace (non-daemon threads, children
 * of the app), at the timeout, and from a shutdown hook on Ctrl-C.
 */
final class ProbeProcess {
    static final Duration GRACE = Duration.ofSeconds(5);
    static final Duration QUIET_BEFORE_PROGRESS = Duration.ofSeconds(30);
    private static final int STDERR_TAIL_LINES = 20;
    private static final long POLL_MILLIS = 100;

    private final Consumer<String> progress;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile long lastLineNanos = System.nanoTime();

    /** How the wait ended. */
    enum Ending { EXITED, STOPPED_AFTER_REPORT, TIMED_OUT }

    record Outcome(Ending ending, int status, String stderrTail) {
    }

    ProbeProcess(Consumer<String> progress) {
        this.progress = progress;
    }

    /**
     * Runs {@code command} until it exits or is stopped; {@code report} is the file whose appearance
     * means the probe's result is complete; {@code cleanup} runs if the JVM is stopped (Ctrl-C) meanwhile,
     * the caller cleans up on every other path.
     */
    Outcome run(List<String> command, java.util.Map<String, String> environment, Path report, Duration timeout,
                Runnable cleanup) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        Thread hook = new Thread(() -> {
            killGroup(process);
            cleanup.run();
        }, "probe-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread reader = new Thread(() -> forward(process.getErrorStream()), "probe-stderr");
        reader.setDaemon(true);  // a forked child of the app may hold stderr open forever
        reader.start();
        try {
            Ending ending = await(process, report, timeout);
            killGroup(process);
            process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            reader.join(1000);
            int status = process.isAlive() ? -1 : process.exitValue();
            return new Outcome(ending, status, lastLines());
        } catch (InterruptedException e) {
            killGroup(process);
            Thread.currentThread().interrupt();
            throw new CalibrationException("calibration interrupted", e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it cleans up the same way
            }
        }
    }

    private Ending await(Process process, Path report, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long reportSeen = -1;
        while (process.isAlive()) {
            long now = System.nanoTime();
            if (reportSeen < 0 && Files.exists(report)) {
                reportSeen = now;
            }
            if (reportSeen >= 0 && now - reportSeen > GRACE.toNanos()) {
                progress.accept("probe: the report is complete but the process did not exit within "
                        + GRACE.toSeconds() + " s (non-daemon threads or child processes of the app?); stopped it");
                return Ending.STOPPED_AFTER_REPORT;
            }
            if (now - start > timeout.toNanos()) {
                return Ending.TIMED_OUT;
            }
            if (now - lastLineNanos > QUIET_BEFORE_PROGRESS.toNanos()) {
                lastLineNanos = now;
                progress.accept(String.format("probe: still running after %d s (timeout %d s, --timeout to change)",
                        Duration.ofNanos(now - start).toSeconds(), timeout.toSeconds()));
            }
            process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
        return Ending.EXITED;
    }

    /** SIGKILL to the probe's process group (its pid: the probe made itself the leader), then to any descendant left. */
    static void killGroup(Process process) {
        long pid = process.pid();
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + pid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): the descendants below are still ended one by one
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void forward(InputStream stream) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                lastLineNanos = System.nanoTime();
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > STDERR_TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                progress.accept(line);
            }
        } catch (IOException e) {
            // the process was killed while writing: what was read is all there is
        }
    }

    private String lastLines() {
        synchronized (tail) {
            return String.join(" | ", tail);
        }
    }
}
