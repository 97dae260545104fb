package dev.cowfleet.sim.exec.spark;

import dev.cowfleet.sim.exec.QueueTasks;
import dev.cowfleet.sim.exec.TaskFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.TaskContext;

/**
 * The queue simulation, except that the first attempt of one task fails: it leaves a marker file (so
 * the test can tell the failure really happened, whichever JVM ran it) and then either throws, as a
 * crashing task does, or halts its whole JVM, as a lost executor does. Later attempts run normally.
 */
record FirstAttemptFails(long failingKey, String marker, boolean haltExecutor)
        implements TaskFunction<QueueTasks.Point, QueueTasks.Figures> {

    static final String MESSAGE = "simulated failure of the first attempt";

    @Override
    public QueueTasks.Figures apply(QueueTasks.Point task) {
        if (task.key() == failingKey && TaskContext.get().attemptNumber() == 0) {
            try {
                Files.writeString(Path.of(marker), "attempt 0 of task " + task.key() + " failed\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (haltExecutor) {
                Runtime.getRuntime().halt(1);
            }
            throw new IllegalStateException(MESSAGE + " of task " + task.key());
        }
        return QueueTasks.simulate(task);
    }
}
