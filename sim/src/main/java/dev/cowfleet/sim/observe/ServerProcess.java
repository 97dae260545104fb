package dev.cowfleet.sim.observe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real server master started in a process group of its own, with its log in a file. Whatever
 * happens, {@link #close()} kills the whole group; {@link ObserveSession} calls it on a JVM shutdown too.
 */
final class ServerProcess implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 60_000;
    private static final long STOP_TIMEOUT_MS = 25_000;
    private static final long MASTER_STOP_TIMEOUT_MS = 5_000;

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the server through the launcher, which makes it leader of a new process group. */
    static ServerProcess start(Path launcherPython, Path launcher, List<String> command, Map<String, String> env,
                               Path log, int port) throws IOException {
        List<String> full = new ArrayList<>(List.of(launcherPython.toString(), launcher.toString()));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        return new ServerProcess(builder.start(), log, port);
    }

    long masterPid() {
        return process.pid();
    }

    /** Waits until the port answers and the master has its workers; explains in one line when it does not. */
    void awaitReady(ProcReader reader, int workers) throws InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive() || portTaken(logText())) {
                throw new ObserveException(startFailure() + logTail());
            }
            if (reader.children(masterPid()).size() >= workers && portAnswers()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new ObserveException("the server did not start within " + START_TIMEOUT_MS / 1000 + " s" + logTail());
    }

    /** Gunicorn retries a taken port for seconds before it gives up; its first complaint is enough. */
    private static boolean portTaken(String log) {
        return log.contains("Address already in use") || log.contains("Connection in use") || log.contains("probably another instance");
    }

    private String startFailure() {
        String text = logText();
        if (portTaken(text)) {
            return "port " + port + " on 127.0.0.1 is taken";
        }
        if (text.contains("Traceback") || text.contains("ImportError") || text.contains("ModuleNotFoundError")
                || text.contains("Failed to find") || text.contains("no app loaded") || text.contains("unable to load app")) {
            return "the app failed to import";
        }
        return "the server did not start" + (process.isAlive() ? "" : " (exit status " + process.exitValue() + ")");
    }

    private boolean portAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Stops the server gracefully and measures each worker's exit: the master is paused so it cannot
     * reap, each worker gets SIGTERM and ends as a zombie whose minor-fault count is final, and the
     * difference from its count before the signal is what its exit touched. Then the master gets its
     * stop signal and is resumed.
     */
    List<WorkerExit> stopMeasuringExits(ProcReader reader, Sampler sampler, String stopSignal) throws InterruptedException {
        long master = masterPid();
        List<WorkerExit> exits = new ArrayList<>();
        Signals.send("STOP", master);
        try {
            List<Long> workers = sampler.workers();
            List<Long> before = new ArrayList<>();
            for (long pid : workers) {
                before.add(reader.stat(pid).map(ProcReader.Stat::minorFaults).orElse(-1L));
                Signals.send("TERM", pid);
            }
            long deadline = System.currentTimeMillis() + STOP_TIMEOUT_MS;
            for (int i = 0; i < workers.size(); i++) {
                long pid = workers.get(i);
                ProcReader.Stat stat = awaitZombie(reader, pid, deadline);
                if (stat != null && before.get(i) >= 0) {
                    exits.add(new WorkerExit(sampler.secondsSinceStart(), pid, stat.minorFaults() - before.get(i), true));
                }
            }
        } finally {
            Signals.send(stopSignal, master);
            Signals.send("CONT", master);
        }
        // The workers' exits are measured; a master resumed with dead workers may first respawn them
        // (Gunicorn does, and a fresh worker can miss the stop signal), so it gets a short while only.
        if (!process.waitFor(MASTER_STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            killGroup();
        }
        return exits;
    }

    private static ProcReader.Stat awaitZombie(ProcReader reader, long pid, long deadline) throws InterruptedException {
        while (System.currentTimeMillis() < deadline) {
            var stat = reader.stat(pid);
            if (stat.isEmpty()) {
                return null;
            }
            if (stat.get().state() == 'Z') {
                return stat.get();
            }
            Thread.sleep(20);
        }
        return null;
    }

    /** The last lines of the server's log, for an error message. */
    String logTail() {
        List<String> lines = logText().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - 3), lines.size());
        return tail.isEmpty() ? "" : "; server log: " + String.join(" | ", tail);
    }

    private String logText() {
        try (InputStream in = Files.newInputStream(log)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void killGroup() {
        if (process.isAlive() || ProcessHandle.of(process.pid()).isPresent()) {
            Signals.sendGroup("KILL", process.pid());
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process group: everything the server started ends here, on every path. */
    @Override
    public void close() {
        killGroup();
    }
}
