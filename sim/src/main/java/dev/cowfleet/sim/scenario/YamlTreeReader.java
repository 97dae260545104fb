package dev.cowfleet.sim.scenario;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML text into a {@link Node} tree with a {@link Where} on every key and value, using Jackson's
 * streaming YAML parser and its token locations. Syntax errors, duplicate keys and aliases become one
 * {@link ScenarioException} line with the place they occur.
 */
final class YamlTreeReader {

    private final YAMLFactory factory = YAMLFactory.builder().build();

    /**
     * @param text     YAML text (a scenario file, or the value of a {@code --set} flag)
     * @param wholeText where the text as a whole comes from, for an empty text or a syntax error without a line
     * @param lineToWhere maps a 1-based line of the text to the place it is reported as
     * @return the document's root node; a {@link ScalarNode} with null text for an empty document
     */
    Node read(String text, Where wholeText, IntFunction<Where> lineToWhere) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), new StringReader(text))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new ScalarNode(wholeText, null);
            }
            return value(parser, first, lineToWhere);
        } catch (JacksonException e) {
            throw syntaxError(e, wholeText, lineToWhere);
        }
    }

    private Node value(JsonParser parser, JsonToken token, IntFunction<Where> lineToWhere) {
        Where where = lineToWhere.apply(parser.currentTokenLocation().getLineNr());
        switch (token) {
            case START_OBJECT:
                return map(parser, where, lineToWhere);
            case START_ARRAY:
                List<Node> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(value(parser, t, lineToWhere));
                }
                return new ListNode(where, items);
            case VALUE_NULL:
                return new ScalarNode(where, null);
            default:
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    throw ScenarioException.at(where, "YAML aliases (*" + parser.getString()
                            + ") are not supported; write the value out");
                }
                return new ScalarNode(where, parser.getString());
        }
    }

    private MapNode map(JsonParser parser, Where where, IntFunction<Where> lineToWhere) {
        MapNode map = new MapNode(where);
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            Where keyWhere = lineToWhere.apply(parser.currentTokenLocation().getLineNr());
            if (map.get(key) != null) {
                throw ScenarioException.at(keyWhere, "duplicate key '" + key + "' (first written at "
                        + map.get(key).keyWhere().describe() + ")");
            }
            map.put(key, keyWhere, value(parser, parser.nextToken(), lineToWhere));
        }
        return map;
    }

    /** Snakeyaml's messages span several lines with a source snippet; keep its problem and line only. */
    private static ScenarioException syntaxError(JacksonException e, Where wholeText, IntFunction<Where> lineToWhere) {
        if (e.getCause() instanceof MarkedYamlEngineException marked) {
            Mark mark = marked.getProblemMark().or(marked::getContextMark).orElse(null);
            String problem = marked.getProblem() != null ? marked.getProblem() : marked.getContext();
            String context = marked.getProblem() != null && marked.getContext() != null
                    ? " (" + marked.getContext() + ")" : "";
            Where where = mark == null ? wholeText : lineToWhere.apply(mark.getLine() + 1);
            return ScenarioException.at(where, "YAML syntax error: " + problem + context);
        }
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        Where where = line > 0 ? lineToWhere.apply(line) : wholeText;
        return ScenarioException.at(where, "YAML syntax error: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
}
