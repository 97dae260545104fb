package dev.cowfleet.sim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the cowfleet command line. */
@Command(name = "cowfleet",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Simulates copy-on-write memory, GC policy and capacity of Python prefork fleets.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
