package dev.cowfleet.sim.observe;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Sends a signal with the system's {@code kill}: Java itself can only terminate a single process. */
final class Signals {
    private Signals() {
    }

    static void send(String signal, long pid) {
        run(signal, Long.toString(pid));
    }

    /** Signals every process in the group, including ones a dying master left behind. */
    static void sendGroup(String signal, long pgid) {
        run(signal, "-" + pgid);
    }

    private static void run(String signal, String target) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", target)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
