package dev.cowfleet.sim.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The shutdown hook of one {@link OutputFolder#write} and the lock it shares with the writer. The JVM runs
 * shutdown hooks while the main thread keeps going, so without the lock the hook could delete the
 * temporary folder while it is being renamed into place, or the writer publish a folder the hook is
 * deleting. With it, each publishing step runs either wholly before the hook or not at all.
 */
final class Interruption {

    /** A step of the writer that must not overlap the hook. */
    @FunctionalInterface
    interface Step {
        void run() throws IOException;
    }

    private final Object lock = new Object();
    private final Thread hook;
    private boolean interrupted;

    Interruption(Path target, Path temp) {
        this.hook = new Thread(() -> {
            synchronized (lock) {
                interrupted = true;
                StaleSiblings.rescue(target, temp);
            }
        }, "cowfleet-output-cleanup");
    }

    Thread hook() {
        return hook;
    }

    /** Runs {@code step} unless the hook has run; then fails, as the JVM is exiting anyway. */
    void unlessInterrupted(Step step) throws IOException {
        synchronized (lock) {
            if (interrupted) {
                throw new IOException("interrupted: cowfleet is exiting, the output was not written");
            }
            step.run();
        }
    }
}
