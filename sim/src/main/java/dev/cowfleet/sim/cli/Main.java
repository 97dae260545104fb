package dev.cowfleet.sim.cli;

import dev.cowfleet.models.runtime.ModelInputException;
import dev.cowfleet.sim.scenario.ScenarioException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the cowfleet command line. */
@Command(name = "cowfleet",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Simulates copy-on-write memory, GC policy and capacity of Python prefork fleets.",
        subcommands = {RunCommand.class, CompareCommand.class, PlanCommand.class, ValidateCommand.class, CalibrateCommand.class, BenchCommand.class, SweepCommand.class, ObserveCommand.class, SchemaCommand.class, CompletionCommand.class, InitCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        int status = execute(args, out, new PrintWriter(System.err, true));
        out.flush(); // autoflush covers println/printf only; compare's table is a plain print
        System.exit(status);
    }

    /** Runs one command line with the given streams and returns its exit status; used by tests too. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(new CommandLine(new Main()), args, out, err);
    }

    /** Runs {@code commandLine} with cowfleet's error handling; tests pass a command line with commands of their own. */
    static int execute(CommandLine commandLine, String[] args, PrintWriter out, PrintWriter err) {
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(Main::exitCodeOf);
        commandLine.setParameterExceptionHandler((ex, argv) -> {
            err.println(ErrorLine.of(ex.getMessage() + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')"));
            return ExitCodes.BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            int code = exitCodeOf(ex);
            if (code == ExitCodes.BAD_INPUT) {
                err.println(ErrorLine.of(ex.getMessage()));
            } else {
                internalError(ex, err);
            }
            return code;
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // The work estimate refuses what cannot fit up front; this is what it missed. The heap the
            // simulation held is garbage now, so there is room to print.
            err.println(ErrorLine.of("out of memory: the JVM's heap of "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB was not enough; simulate less "
                    + "(duration, sampleEvery, host.workers, replications) or give java a larger -Xmx"));
            printTrace(e, err);
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    private static void internalError(Throwable ex, PrintWriter err) {
        boolean debug = debugging();
        err.println(ErrorLine.of("internal error: " + ex + (debug ? "" : " (set COWFLEET_DEBUG=1 for the stack trace)")));
        printTrace(ex, err);
    }

    /** Traces are for developers: only with COWFLEET_DEBUG=1 (0, empty or anything else means no). */
    private static boolean debugging() {
        return tracesWanted(System.getenv("COWFLEET_DEBUG"));
    }

    static boolean tracesWanted(String cowfleetDebug) {
        return "1".equals(cowfleetDebug);
    }

    private static void printTrace(Throwable ex, PrintWriter err) {
        if (debugging()) {
            ex.printStackTrace(err);
        }
    }

    private static int exitCodeOf(Throwable ex) {
        if (ex instanceof BadInputException || ex instanceof ModelInputException || ex instanceof ScenarioException) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
