package dev.cowfleet.sim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One command line run in this JVM through {@link Main#execute}, with its exit status and what it printed. */
record CliRun(int status, String out, String err) {

    static CliRun of(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            status = Main.execute(args.toArray(String[]::new), outWriter, errWriter);
        }
        return new CliRun(status, out.toString(), err.toString());
    }

    static CliRun of(String... args) {
        return of(List.of(args));
    }

    /** A failure the user can act on; stderr (exit status and streams) helps when an assertion fails. */
    @Override
    public String toString() {
        return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
