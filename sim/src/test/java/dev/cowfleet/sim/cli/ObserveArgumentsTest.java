package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** observe's own arguments, refused before any server starts. */
class ObserveArgumentsTest {
    @Test
    void anUnknownArrivalScheduleIsOneLineExit2() {
        CliRun run = CliRun.of("observe", "--server", "gunicorn", "--python", "/usr/bin/python3", "--app", "app:application",
                "--requests", "mix.txt", "--duration", "3s", "--arrivals", "sometimes");
        assertEquals(2, run.status(), run::toString);
        assertEquals("cowfleet: --arrivals: expected poisson or fixed, got 'sometimes'", run.err().strip());
    }
}
