package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script, sourced in a real bash, completes commands and scenario key paths after --set/--vary. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    @Test
    void bashCompletesCommandsAndKeyPaths() throws Exception {
        Path script = script("bash");
        assertEquals("compare completion", complete(script, "cowfleet", "comp"));
        assertEquals("host.workers=", complete(script, "cowfleet", "validate", "--set", "host.w"));
        assertEquals("policies.NAME.gc=", complete(script, "cowfleet", "compare", "x.yaml", "--set",
                "policies.NAME.g"));
        assertEquals("fleet.growthPerYear=", complete(script, "cowfleet", "sweep", "--vary", "fleet.gro"));
        assertEquals("--server", complete(script, "cowfleet", "init", "--serv"));
    }

    @Test
    void zshGetsTheScriptThatLoadsBashcompinit() throws IOException {
        CliRun zsh = CliRun.of("completion", "zsh");
        assertEquals(0, zsh.status());
        assertTrue(zsh.out().contains("autoload -U +X bashcompinit && bashcompinit"));
        assertEquals(CliRun.of("completion", "bash").out(), zsh.out());
        assertEquals(2, CliRun.of("completion", "fish").status());
    }

    private Path script(String shell) throws IOException {
        CliRun run = CliRun.of("completion", shell);
        assertEquals(0, run.status(), run.toString());
        Path script = dir.resolve("cowfleet-completion.sh");
        Files.writeString(script, run.out());
        return script;
    }

    /** What bash offers for the last word, as the completion function sets COMPREPLY. */
    private String complete(Path script, String... words) throws Exception {
        String line = String.join(" ", words);
        String call = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + line + "); COMP_CWORD="
                + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; "
                + "_complete_cowfleet 2>/dev/null; echo \"${COMPREPLY[@]}\"";
        Process bash = new ProcessBuilder(List.of("bash", "-c", call)).redirectErrorStream(true).start();
        try {
            assertTrue(bash.waitFor(20, TimeUnit.SECONDS), "bash did not finish");
            return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } finally {
            bash.destroyForcibly();
        }
    }
}
