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
        subcommands = {RunCommand.class, CompareCommand.class, PlanCommand.class, ValidateCommand.class, CalibrateCommand.class, BenchCommand.class, SweepCommand.class, ObserveCommand.class, CommandLine.HelpCommand.class})
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
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(Main::exitCodeOf);
        commandLine.setParameterExceptionHandler((ex, argv) -> {
            err.println("cowfleet: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            int code = exitCodeOf(ex);
            if (code == ExitCodes.BAD_INPUT) {
                err.println("cowfleet: " + ex.getMessage());
            } else {
                err.println("cowfleet: internal error: " + ex);
                if (System.getenv("COWFLEET_DEBUG") != null) {
                    ex.printStackTrace(err);
                } else {
                    err.println("(set COWFLEET_DEBUG=1 for the stack trace)");
                }
            }
            return code;
        });
        return commandLine.execute(args);
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
