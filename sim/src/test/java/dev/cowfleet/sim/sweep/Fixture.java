package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.cli.Main;
import dev.cowfleet.sim.run.ScenarioSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** The tiny single-host scenario the sweep tests run, and a way to run the command line in this JVM. */
final class Fixture {
    static final Path TINY = Path.of("src/test/resources/sweep/tiny.yaml");

    /** What one command line printed and returned. */
    record CliResult(int status, String out, String err) {
    }

    private Fixture() {
    }

    static ScenarioSource tiny(String... sets) {
        return ScenarioSource.read(TINY, List.of(sets));
    }

    static CliResult cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliResult(status, out.toString(), err.toString());
    }
}
