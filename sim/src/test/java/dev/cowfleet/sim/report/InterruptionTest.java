package dev.cowfleet.sim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shutdown hook of an output write and the writer's publishing steps never overlap. */
class InterruptionTest {
    @TempDir
    Path tmp;

    @Test
    void theHookWaitsForARunningStepThenStopsLaterOnes() throws Exception {
        Path target = tmp.resolve("out");
        Path temp = tmp.resolve(".out.tmp-1-00000000-0000-0000-0000-000000000000");
        Interruption interruption = new Interruption(target, temp);
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try {
                interruption.unlessInterrupted(() -> {
                    Files.createDirectory(temp);
                    Files.writeString(temp.resolve("summary.json"), "{}");
                    inStep.countDown();
                    await(release);
                });
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        writer.start();
        assertTrue(inStep.await(10, TimeUnit.SECONDS));
        Thread hook = interruption.hook();
        hook.start();
        hook.join(300);
        assertTrue(hook.isAlive(), "the hook waits while a publishing step runs");
        assertTrue(Files.exists(temp.resolve("summary.json")), "nothing deleted under the writer");
        release.countDown();
        hook.join(10_000);
        writer.join(10_000);
        assertFalse(hook.isAlive());
        assertFalse(Files.exists(temp), "the hook removed the temporary folder after the step");
        assertThrows(IOException.class, () -> interruption.unlessInterrupted(() -> Files.createDirectory(target)));
        assertFalse(Files.exists(target), "nothing is published after the hook ran");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
