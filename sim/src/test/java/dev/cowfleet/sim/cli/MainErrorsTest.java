package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** How Main turns whatever a command throws into an exit status and one line on stderr. */
class MainErrorsTest {

    @Command(name = "exhaust")
    static final class Exhausts implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Command(name = "exhaust-on-a-worker")
    static final class ExhaustsOnAWorker implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            // As LocalEngine does: an Error on a pool thread is rethrown on the calling thread.
            Throwable[] thrown = new Throwable[1];
            Thread worker = new Thread(() -> {
                try {
                    throw new OutOfMemoryError("Java heap space");
                } catch (OutOfMemoryError e) {
                    thrown[0] = e;
                }
            });
            worker.start();
            worker.join();
            throw (Error) thrown[0];
        }
    }

    @Test
    void outOfMemoryIsOneLineAndExitOne() {
        for (String command : List.of("exhaust", "exhaust-on-a-worker")) {
            StringWriter err = new StringWriter();
            CommandLine commandLine = new CommandLine(new Main())
                    .addSubcommand(new Exhausts()).addSubcommand(new ExhaustsOnAWorker());
            int status = Main.execute(commandLine, new String[] {command}, new PrintWriter(new StringWriter()),
                    new PrintWriter(err));
            assertEquals(1, status);
            List<String> lines = err.toString().lines().toList();
            assertEquals(1, lines.size(), err::toString);
            assertTrue(lines.get(0).startsWith("cowfleet: out of memory: the JVM's heap of "), err::toString);
            assertTrue(lines.get(0).endsWith("MiB was not enough; simulate less (duration, sampleEvery, host.workers, "
                    + "replications) or give java a larger -Xmx"), err::toString);
        }
    }

    @Test
    void tracesOnlyForCowfleetDebugOne() {
        assertTrue(Main.tracesWanted("1"));
        for (String value : new String[] {null, "", "0", "false", "no", "true", " 1"}) {
            assertFalse(Main.tracesWanted(value), () -> "COWFLEET_DEBUG=" + value);
        }
    }

    @Test
    void controlCharactersInQuotedInputAreEscaped() {
        CliRun run = CliRun.of("validate", "evil\u001b[2J\nname.yaml");
        assertEquals(2, run.status(), run::toString);
        assertEquals(List.of("cowfleet: evil\\u001b[2J\\nname.yaml: no such scenario file"), run.err().lines().toList());
    }

    @Test
    void usageErrorsAreOneLine() {
        CliRun run = CliRun.of("validate", "a.yaml", "b.yaml", "--explain", "--nope");
        assertEquals(2, run.status(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().endsWith("(see 'cowfleet validate --help')" + System.lineSeparator()), run::toString);
    }
}
