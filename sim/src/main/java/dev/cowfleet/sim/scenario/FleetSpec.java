package dev.cowfleet.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The optional {@code fleet} section: the servers, the fleet-wide traffic, and how capacity is planned.
 *
 * @param workersPerHost       a fixed worker count, or {@code auto} (as many as the RAM budget allows)
 * @param memoryPercentile     host-memory percentile the RAM budget must hold (0.99 = p99)
 * @param headroom             share of RAM kept free (page cache, the kernel, spikes)
 * @param targetUtilization    CPU utilization hosts are planned at
 * @param memoryThreshold      share of RAM above which a host counts as "high"
 * @param ioWaitPerRequestSeconds time a request holds its worker off-CPU (database, network)
 * @param skew                 load-balancer skew: host shares spread uniformly over [1 - skew, 1 + skew]
 * @param simulatedHostsPerType hosts of each type simulated one by one; fleet sums are scaled up from them
 * @param deploys              rolling fleet deploys: waves of hosts, each restarting all its workers
 */
public record FleetSpec(List<HostTypeSpec> hostTypes, double peakRequestsPerSecond, DiurnalSpec diurnal,
                        double growthPerYear, double years, WorkersPerHost workersPerHost, double memoryPercentile,
                        double headroom, double targetUtilization, double memoryThreshold,
                        double ioWaitPerRequestSeconds, double skew, int simulatedHostsPerType,
                        Optional<DeploySpec> deploys) {

    public FleetSpec {
        hostTypes = List.copyOf(hostTypes);
    }

    private static final ValueKind<Double> MONEY = Kinds.scalar("an amount like 1.53", FleetSpec::money,
            Units::formatNumber, UnitSchemas.MONEY);
    private static final ValueKind<Double> YEARS_KIND = Kinds.scalar("a number of years like 1 or 2.5",
            FleetSpec::years, Units::formatNumber, UnitSchemas.YEARS);
    private static final ValueKind<WorkersPerHost> WORKERS_KIND = Kinds.scalar("a worker count like 70, or auto",
            FleetSpec::workers, WorkersPerHost::toString,
            UnitSchemas.anyOf(UnitSchemas.COUNT, UnitSchemas.names(List.of("auto"))));

    private static final Keys HOST_TYPE_KEYS = new Keys();
    private static final Key.Value<String> TYPE_NAME = HOST_TYPE_KEYS.required("name", Kinds.TEXT,
            "Name of the host type, like c5.9xlarge.");
    private static final Key.Value<Long> TYPE_RAM = HOST_TYPE_KEYS.required("ram", Kinds.SIZE,
            "Physical memory of one host of this type.");
    private static final Key.Value<Long> TYPE_CORES = HOST_TYPE_KEYS.required("cores", Kinds.COUNT,
            "CPU cores of one host of this type.");
    private static final Key.Value<Double> TYPE_COST = HOST_TYPE_KEYS.required("costPerHour", MONEY,
            "What one host of this type costs per hour (in the user's currency).");
    private static final Key.Value<Long> TYPE_COUNT = HOST_TYPE_KEYS.required("count", Kinds.COUNT,
            "Hosts of this type in the fleet today.");

    static final Keys KEYS = new Keys();
    private static final Key.Nested HOST_TYPES = KEYS.list("hostTypes", HOST_TYPE_KEYS,
            "The host types of the fleet.");
    private static final Key.Value<Double> PEAK = KEYS.required("peakRequestsPerSecond", Kinds.RATE,
            "Peak requests per second of the whole fleet.");
    private static final Key.Nested DIURNAL = KEYS.section("diurnal", DiurnalSpec.KEYS, false,
            "How fleet traffic varies over the day.");
    private static final Key.Value<Double> GROWTH = KEYS.optional("growthPerYear", Kinds.FRACTION, 0.0,
            "Traffic growth per year.");
    private static final Key.Value<Double> YEARS = KEYS.optional("years", YEARS_KIND, 1.0,
            "Years of growth the plan must carry.");
    private static final Key.Value<WorkersPerHost> WORKERS_PER_HOST = KEYS.optional("workersPerHost", WORKERS_KIND,
            WorkersPerHost.AUTO,
            "Workers per host, or auto to size them to the RAM budget.");
    private static final Key.Value<Double> MEMORY_PERCENTILE = KEYS.optional("memoryPercentile", Kinds.FRACTION, 0.99,
            "Percentile of host memory that must fit, like 99%.");
    private static final Key.Value<Double> HEADROOM = KEYS.optional("headroom", Kinds.FRACTION, 0.10,
            "Share of RAM kept free.");
    private static final Key.Value<Double> TARGET_UTILIZATION = KEYS.optional("targetUtilization", Kinds.FRACTION, 0.6,
            "CPU utilization a host is planned to run at, at peak.");
    private static final Key.Value<Double> MEMORY_THRESHOLD = KEYS.optional("memoryThreshold", Kinds.FRACTION, 0.9,
            "Share of RAM above which a host counts as at risk.");
    private static final Key.Value<Double> IO_WAIT = KEYS.optional("ioWaitPerRequest", Kinds.DURATION, 0.0,
            "Time a request waits on I/O, holding its worker but not a core.");
    private static final Key.Value<Double> SKEW = KEYS.optional("skew", Kinds.FRACTION, 0.0,
            "How unevenly the load balancer spreads traffic over hosts.");
    private static final Key.Value<Long> SIMULATED_HOSTS = KEYS.optional("simulatedHostsPerType", Kinds.COUNT, 4L,
            "Hosts simulated per type to sample the fleet (1 to 100000).");
    private static final Key.Nested DEPLOYS = KEYS.section("deploys", DeploySpec.KEYS, false,
            "Deploys across the fleet.");

    /**
     * {@code fleet.workersPerHost}: {@code auto} (as many workers as the RAM budget holds) or a fixed count.
     *
     * @param fixed the fixed count, empty for {@code auto}
     */
    public record WorkersPerHost(OptionalInt fixed) {
        public static final WorkersPerHost AUTO = new WorkersPerHost(OptionalInt.empty());

        public static WorkersPerHost of(int count) {
            return new WorkersPerHost(OptionalInt.of(count));
        }

        public boolean auto() {
            return fixed.isEmpty();
        }

        /** As a scenario writes it: {@code auto} or the count. */
        @Override
        public String toString() {
            return auto() ? "auto" : Integer.toString(fixed.getAsInt());
        }
    }

    /** One kind of server and how many the fleet runs today. */
    public record HostTypeSpec(String name, long ramBytes, int cores, double costPerHour, long count) {
    }

    public long hosts() {
        return hostTypes.stream().mapToLong(HostTypeSpec::count).sum();
    }

    static Optional<FleetSpec> read(Optional<Section> section, double runSeconds) {
        return section.map(s -> read(s, runSeconds));
    }

    private static FleetSpec read(Section s, double runSeconds) {
        List<HostTypeSpec> types = new ArrayList<>();
        for (Section t : s.sectionList(HOST_TYPES, "a list of host types with name, ram, cores, costPerHour, count")) {
            long ram = t.required(TYPE_RAM);
            if (ram == 0) {
                throw t.fail(TYPE_RAM, "expected a size above 0B like 64GiB, got 0B");
            }
            long cores = t.required(TYPE_CORES);
            if (cores < 1 || cores > Integer.MAX_VALUE) {
                throw t.fail(TYPE_CORES, "expected at least 1 core, got " + cores);
            }
            types.add(new HostTypeSpec(t.required(TYPE_NAME), ram, (int) cores,
                    t.required(TYPE_COST), t.required(TYPE_COUNT)));
        }
        if (types.stream().mapToLong(HostTypeSpec::count).sum() == 0) {
            throw s.fail(HOST_TYPES, "expected at least one host in the fleet, got a count of 0 for every type");
        }
        double peak = s.required(PEAK);
        if (peak <= 0) {
            throw s.fail(PEAK, "expected a rate above 0/s like 1.2M/s, got 0/s");
        }
        DiurnalSpec diurnal = DiurnalSpec.read(s.sectionOrEmpty(DIURNAL));
        double growth = s.optional(GROWTH);
        double years = s.optional(YEARS);
        WorkersPerHost workers = s.optional(WORKERS_PER_HOST);
        double percentile = s.optional(MEMORY_PERCENTILE);
        if (percentile == 0) {
            throw s.fail(MEMORY_PERCENTILE, "expected a percentile above 0% like 99%, got 0%");
        }
        double headroom = s.optional(HEADROOM);
        if (headroom >= 1) {
            throw s.fail(HEADROOM, "expected a share of RAM below 100% like 10%, got "
                    + Units.formatFraction(headroom));
        }
        double utilization = s.optional(TARGET_UTILIZATION);
        if (utilization <= 0) {
            throw s.fail(TARGET_UTILIZATION, "expected a utilization above 0% like 60%, got 0%");
        }
        double threshold = s.optional(MEMORY_THRESHOLD);
        double ioWait = s.optional(IO_WAIT);
        double skew = s.optional(SKEW);
        if (skew >= 1) {
            throw s.fail(SKEW, "expected a skew below 100% like 10%, got " + Units.formatFraction(skew));
        }
        long simulated = s.optional(SIMULATED_HOSTS);
        if (simulated < 1 || simulated > 100_000) {
            throw s.fail(SIMULATED_HOSTS, "expected 1 to 100000 hosts, got " + simulated);
        }
        Optional<DeploySpec> deploys = DeploySpec.read(s.section(DEPLOYS), runSeconds);
        return new FleetSpec(types, peak, diurnal, growth, years, workers, percentile, headroom, utilization, threshold,
                ioWait, skew, (int) simulated, deploys);
    }

    private static double money(String text) {
        return nonNegativeNumber(text, "an amount like 1.53");
    }

    private static double years(String text) {
        return nonNegativeNumber(text, "a number of years like 1 or 2.5");
    }

    private static double nonNegativeNumber(String text, String expected) {
        try {
            double value = Double.parseDouble(text.trim());
            if (value >= 0 && Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new ScenarioException("expected " + expected + ", got '" + text + "'");
    }

    private static WorkersPerHost workers(String text) {
        String trimmed = text.trim();
        if (trimmed.equals("auto")) {
            return WorkersPerHost.AUTO;
        }
        long count = Units.count(trimmed);
        if (count < 1 || count > 100_000) {
            throw new ScenarioException("expected a worker count from 1 to 100000, or auto, got '" + text + "'");
        }
        return WorkersPerHost.of((int) count);
    }
}
