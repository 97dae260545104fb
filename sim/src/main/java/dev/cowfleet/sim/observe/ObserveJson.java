package dev.cowfleet.sim.observe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * observe.json (binding shape): server, policy, workers, then the measured figures and, with a
 * scenario, the simulated ones and their relative error, each as
 * {@code {workerPrivateMiB: {mean, max}, sharedAfterMinuteMiB, hostMemoryMiB: {mean, max}, exitCopiedMiB}}.
 * A figure that could not be measured (no exit seen) is null.
 */
final class ObserveJson {
    static final String FILE = "observe.json";
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT).enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private ObserveJson() {
    }

    static String render(ObserveResult result) {
        Observation observation = result.observation();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("server", observation.server());
        root.put("policy", observation.policy());
        root.put("workers", observation.workers());
        root.set("measured", figures(result.measured()));
        if (result.simulated() != null) {
            root.set("simulated", figures(result.simulated()));
            root.set("relativeError", figures(result.simulated().relativeErrorOf(result.measured())));
        }
        number(root, "sharedAgeSeconds", result.sharedAgeSeconds());
        if (observation.load() != null) {
            ObjectNode requests = root.putObject("requests");
            requests.put("sent", observation.load().sent());
            requests.put("failed", observation.load().failed());
            number(requests, "seconds", observation.load().seconds());
        }
        if (Double.isFinite(observation.survivorsPerRequest())) {
            number(root, "probedTrackedSurvivorsPerRequest", observation.survivorsPerRequest());
        }
        long[] counters = observation.inheritedCounters();
        if (counters != null) {
            root.putArray("inheritedGcCount").add(counters[0]).add(counters[1]).add(counters[2]);
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }

    private static ObjectNode figures(Figures f) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode privateMiB = node.putObject("workerPrivateMiB");
        number(privateMiB, "mean", f.workerPrivateMean());
        number(privateMiB, "max", f.workerPrivateMax());
        number(node, "sharedAfterMinuteMiB", f.sharedAfterMinute());
        ObjectNode host = node.putObject("hostMemoryMiB");
        number(host, "mean", f.hostMemoryMean());
        number(host, "max", f.hostMemoryMax());
        number(node, "exitCopiedMiB", f.exitCopied());
        return node;
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            // Four decimals and plain notation: 100.0000 is written 100, not 1E+2.
            BigDecimal rounded = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
            node.put(key, rounded.scale() < 0 ? rounded.setScale(0) : rounded);
        } else {
            node.putNull(key);
        }
    }
}
