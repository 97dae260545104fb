package dev.cowfleet.sim.scenario;

import java.util.List;

/**
 * Applies {@code --set key.path=value} flags to a scenario tree before it is bound, so an override is
 * validated exactly like the file: unknown keys, units and combinations. The value is read as YAML, so
 * {@code [1h, 2h]} is a list and {@code {shape: flat}} a map; missing sections along the path are created
 * (that is how {@code --set policies.new.gc=threshold0} adds a policy). A numeric segment indexes a list.
 */
final class Overrides {

    private Overrides() {
    }

    static void apply(Node.Mapping root, List<String> flags, YamlTreeReader yaml) {
        for (String flag : flags) {
            apply(root, flag, yaml);
        }
    }

    private static void apply(Node.Mapping root, String flag, YamlTreeReader yaml) {
        Where where = Where.ofFlag("--set " + flag);
        int eq = flag.indexOf('=');
        String path = eq < 0 ? "" : flag.substring(0, eq).trim();
        if (eq < 0 || path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw ScenarioException.at(where, "expected key.path=value like host.workers=80");
        }
        Node value = yaml.read(flag.substring(eq + 1), where, line -> where);
        String[] segments = path.split("\\.");
        Node parent = root;
        for (int i = 0; i < segments.length - 1; i++) {
            parent = child(parent, segments, i, where);
        }
        put(parent, segments, segments.length - 1, value, where);
    }

    /** The node under segment i, creating an empty section when it is missing. */
    private static Node child(Node parent, String[] segments, int i, Where where) {
        if (parent instanceof Node.Mapping map) {
            Node.Mapping.Entry entry = map.get(segments[i]);
            if (entry == null || (entry.value() instanceof Node.Scalar s && s.isNull())) {
                Node.Mapping created = new Node.Mapping(where);
                map.put(segments[i], where, created);
                return created;
            }
            return entry.value();
        }
        if (parent instanceof Node.Sequence list) {
            return list.items().get(index(list, segments, i, where));
        }
        throw ScenarioException.at(where, prefix(segments, i), "holds " + parent.describe()
                + ", not a section, so it has no key '" + segments[i] + "'");
    }

    private static void put(Node parent, String[] segments, int i, Node value, Where where) {
        if (parent instanceof Node.Mapping map) {
            map.put(segments[i], where, value);
        } else if (parent instanceof Node.Sequence list) {
            list.set(index(list, segments, i, where), value);
        } else {
            throw ScenarioException.at(where, prefix(segments, i), "holds " + parent.describe()
                    + ", not a section, so it has no key '" + segments[i] + "'");
        }
    }

    private static int index(Node.Sequence list, String[] segments, int i, Where where) {
        String segment = segments[i];
        if (!segment.matches("\\d{1,9}") || Integer.parseInt(segment) >= list.size()) {
            throw ScenarioException.at(where, prefix(segments, i), "is a list of " + list.size()
                    + " items; expected an index from 0 to " + (list.size() - 1) + ", got '" + segment + "'");
        }
        return Integer.parseInt(segment);
    }

    /** The key path up to, not including, segment i. */
    private static String prefix(String[] segments, int i) {
        return String.join(".", List.of(segments).subList(0, i));
    }
}
