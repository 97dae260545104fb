package dev.cowfleet.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Binds the optional {@code fleet} section: the capacity plan's traffic, horizon and host types. */
final class FleetBinder {

    static final List<String> KEYS = List.of("hostTypes", "peakRequestsPerSecond", "diurnal", "growthPerYear",
            "years", "workersPerHost", "memoryPercentile", "headroom", "targetUtilization", "memoryThreshold",
            "ioWaitPerRequest", "skew", "simulatedHostsPerType", "deploys");
    private static final List<String> HOST_TYPE_KEYS = List.of("name", "ram", "cores", "costPerHour", "count");
    private static final ValueKind<Double> MONEY = Kinds.scalar("an amount like 1.53", FleetBinder::money,
            Units::formatNumber);
    private static final ValueKind<Double> YEARS = Kinds.scalar("a number of years like 1 or 2.5", FleetBinder::years,
            Units::formatNumber);
    private static final ValueKind<WorkersPerHost> WORKERS = Kinds.scalar("a worker count like 70, or auto",
            FleetBinder::workers, WorkersPerHost::toString);

    private FleetBinder() {
    }

    static Optional<FleetSpec> bind(Optional<Section> section, double runSeconds) {
        return section.map(s -> bind(s, runSeconds));
    }

    private static FleetSpec bind(Section s, double runSeconds) {
        List<FleetSpec.HostTypeSpec> types = new ArrayList<>();
        for (Section t : s.sectionList("hostTypes", "a list of host types with name, ram, cores, costPerHour, count",
                HOST_TYPE_KEYS)) {
            long ram = t.required("ram", Kinds.SIZE);
            if (ram == 0) {
                throw t.fail("ram", "expected a size above 0B like 64GiB, got 0B");
            }
            long cores = t.required("cores", Kinds.COUNT);
            if (cores < 1 || cores > Integer.MAX_VALUE) {
                throw t.fail("cores", "expected at least 1 core, got " + cores);
            }
            types.add(new FleetSpec.HostTypeSpec(t.required("name", Kinds.TEXT), ram, (int) cores,
                    t.required("costPerHour", MONEY), t.required("count", Kinds.COUNT)));
        }
        if (types.stream().mapToLong(FleetSpec.HostTypeSpec::count).sum() == 0) {
            throw s.fail("hostTypes", "expected at least one host in the fleet, got a count of 0 for every type");
        }
        double peak = s.required("peakRequestsPerSecond", Kinds.RATE);
        if (peak <= 0) {
            throw s.fail("peakRequestsPerSecond", "expected a rate above 0/s like 1.2M/s, got 0/s");
        }
        DiurnalSpec diurnal = WorkloadBinder.diurnal(s.sectionOrEmpty("diurnal", WorkloadBinder.DIURNAL_KEYS));
        double growth = s.optional("growthPerYear", Kinds.FRACTION, 0.0, "default");
        double years = s.optional("years", YEARS, 1.0, "default");
        WorkersPerHost workers = s.optional("workersPerHost", WORKERS, WorkersPerHost.AUTO, "default");
        double percentile = s.optional("memoryPercentile", Kinds.FRACTION, 0.99, "default");
        if (percentile == 0) {
            throw s.fail("memoryPercentile", "expected a percentile above 0% like 99%, got 0%");
        }
        double headroom = s.optional("headroom", Kinds.FRACTION, 0.10, "default");
        if (headroom >= 1) {
            throw s.fail("headroom", "expected a share of RAM below 100% like 10%, got " + Units.formatFraction(headroom));
        }
        double utilization = s.optional("targetUtilization", Kinds.FRACTION, 0.6, "default");
        if (utilization <= 0) {
            throw s.fail("targetUtilization", "expected a utilization above 0% like 60%, got 0%");
        }
        double threshold = s.optional("memoryThreshold", Kinds.FRACTION, 0.9, "default");
        double ioWait = s.optional("ioWaitPerRequest", Kinds.DURATION, 0.0, "default");
        double skew = s.optional("skew", Kinds.FRACTION, 0.0, "default");
        if (skew >= 1) {
            throw s.fail("skew", "expected a skew below 100% like 10%, got " + Units.formatFraction(skew));
        }
        long simulated = s.optional("simulatedHostsPerType", Kinds.COUNT, 4L, "default");
        if (simulated < 1 || simulated > 100_000) {
            throw s.fail("simulatedHostsPerType", "expected 1 to 100000 hosts, got " + simulated);
        }
        Optional<DeploySpec> deploys = DeployBinder.bind(s.section("deploys", DeployBinder.KEYS), runSeconds);
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
