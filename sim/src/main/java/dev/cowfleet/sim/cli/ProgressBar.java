package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.exec.Progress;
import java.io.Console;
import java.io.PrintStream;

/** A one-line progress bar on an interactive terminal; silent when output goes to a file or a CI log. */
final class ProgressBar implements Progress {
    private static final int WIDTH = 30;

    private final String label;
    private final PrintStream out;
    private long lastPercent = -1;

    private ProgressBar(String label, PrintStream out) {
        this.label = label;
        this.out = out;
    }

    static Progress onTerminal(String label) {
        Console console = System.console();
        return console == null ? Progress.NONE : new ProgressBar(label, System.err);
    }

    @Override
    public synchronized void tasksDone(long done, long total) {
        long percent = total == 0 ? 100 : 100 * done / total;
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = (int) (WIDTH * percent / 100);
        out.printf("\r%s [%s%s] %d/%d tasks", label, "#".repeat(filled), " ".repeat(WIDTH - filled), done, total);
        if (done == total) {
            out.print("\r" + " ".repeat(label.length() + WIDTH + 30) + "\r");
        }
        out.flush();
    }
}
