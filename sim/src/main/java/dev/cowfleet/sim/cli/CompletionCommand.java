package dev.cowfleet.sim.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cowfleet completion bash|zsh}: a completion script for commands, options, files and the scenario
 * key paths of {@code --set} and {@code --vary}. One script serves both shells: picocli's script loads
 * zsh's bashcompinit itself when zsh sources it.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a shell completion script. Install for this shell session with:",
            "  source <(cowfleet completion bash)     (or zsh)"})
final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("cowfleet", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
