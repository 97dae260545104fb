package dev.cowfleet.sim.scenario;

/**
 * The simulated host: the {@code host} section.
 *
 * @param workers              worker processes forked by the master (at least 1)
 * @param ramBytes             host RAM
 * @param cores                CPU cores
 * @param transparentHugePages pre-5.8 kernel THP: a copy-on-write fault copies a 2 MiB page
 */
public record HostSpec(int workers, long ramBytes, int cores, boolean transparentHugePages) {

    private static final ValueKind<Long> WORKERS_KIND = Kinds.scalar("a worker count like 70", HostSpec::workers,
            String::valueOf, UnitSchemas.COUNT);

    static final Keys KEYS = new Keys();
    static final Key.Value<Long> WORKERS = KEYS.required("workers", WORKERS_KIND, "Worker processes forked per host.");
    static final Key.Value<Long> RAM = KEYS.required("ram", Kinds.SIZE, "Physical memory of the host.");
    static final Key.Value<Long> CORES = KEYS.required("cores", Kinds.COUNT, "CPU cores of the host.");
    private static final Key.Value<Boolean> THP = KEYS.optional("transparentHugePages", Kinds.BOOLEAN, false,
            "Whether the heap sits in 2 MiB transparent huge pages, so one write copies a whole huge page.");

    static HostSpec read(Section s) {
        int workers = s.positiveInt(WORKERS, s.required(WORKERS));
        long ram = s.required(RAM);
        if (ram == 0) {
            throw s.fail(RAM, "expected a size above 0B like 64GiB, got 0B");
        }
        int cores = s.positiveInt(CORES, s.required(CORES));
        boolean thp = s.optional(THP);
        return new HostSpec(workers, ram, cores, thp);
    }

    private static long workers(String text) {
        if (text.trim().equals("auto")) {
            throw new ScenarioException("expected a worker count like 70, got 'auto' (to size workers to the RAM, "
                    + "set fleet.workersPerHost: auto and run cowfleet plan)");
        }
        try {
            return Units.count(text);
        } catch (ScenarioException e) {
            throw new ScenarioException("expected a worker count like 70, got '" + text + "'");
        }
    }
}
