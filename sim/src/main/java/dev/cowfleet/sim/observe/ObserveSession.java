package dev.cowfleet.sim.observe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * What one observation leaves on the machine: its temporary folder (recipe, launcher, server log) and
 * the server it starts. Both go on every path: when the observation ends, and when the JVM is shut
 * down under it (SIGTERM, Ctrl-C), through one shutdown hook that kills the server's process group
 * first, so no server process writes into the folder while it is deleted.
 *
 * <p>The hook is registered before the folder exists, and starting the server and ending the session
 * take turns on this object's lock: once the hook has run, no folder is created and no server starts,
 * so no interruption can fall between creating something and being able to remove it.
 */
final class ObserveSession implements AutoCloseable {
    private static final int DELETE_ATTEMPTS = 5;
    private static final long DELETE_RETRY_MS = 100;

    /** Starts the server; called under the session's lock. */
    @FunctionalInterface
    interface Start {
        ServerProcess start(Path folder) throws IOException;
    }

    private final Thread hook = new Thread(this::end, "cowfleet-observe-cleanup");
    private Path folder;
    private ServerProcess server;
    private boolean ended;

    ObserveSession() throws IOException {
        Runtime.getRuntime().addShutdownHook(hook);
        synchronized (this) {
            requireRunning();
            folder = Files.createTempDirectory("cowfleet-observe-");
        }
    }

    synchronized Path folder() {
        return folder;
    }

    /** Starts the server, unless the JVM is already shutting down. */
    synchronized ServerProcess startServer(Start start) throws IOException {
        requireRunning();
        server = start.start(folder);
        return server;
    }

    private void requireRunning() {
        if (ended) {
            throw new ObserveException("observe was interrupted; the server and its temporary folder are removed");
        }
    }

    /** Kills the server's process group, then deletes the folder; safe to run twice. */
    private synchronized void end() {
        ended = true;
        if (server != null) {
            server.close();
        }
        if (folder != null) {
            deleteTree(folder);
        }
    }

    /**
     * A worker killed a moment ago may still finish a write into the folder (a fork hook's line), so a
     * folder that is not yet empty is tried again a few times.
     */
    private static void deleteTree(Path folder) {
        for (int attempt = 1; attempt <= DELETE_ATTEMPTS && Files.exists(folder); attempt++) {
            try (var paths = Files.walk(folder)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                try {
                    Thread.sleep(DELETE_RETRY_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        end();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs (or ran) the same end
        }
    }
}
