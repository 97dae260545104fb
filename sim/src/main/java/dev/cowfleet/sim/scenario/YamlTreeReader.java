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
 * streaming YAML parser and its token locations. Syntax errors, duplicate keys, aliases, tags, a second
 * document, nesting deeper than {@link #MAX_DEPTH} and scalars longer than {@link #MAX_SCALAR_CHARS}
 * become one {@link ScenarioException} line with the place they occur: a scenario is one plain document
 * of short values, and anything else is a mistake the user should hear about rather than have ignored.
 */
final class YamlTreeReader {

    /** Levels of maps and lists; the deepest scenario keys (four segments, some holding a list) use five. */
    static final int MAX_DEPTH = 16;
    /** Characters in one value; the longest real ones are a question of a few hundred. */
    static final int MAX_SCALAR_CHARS = 10_000;

    private final YAMLFactory factory = YAMLFactory.builder().build();

    /**
     * @param text     YAML text (a scenario file, or the value of a {@code --set} flag)
     * @param wholeText where the text as a whole comes from, for an empty text or a syntax error without a line
     * @param lineToWhere maps a 1-based line of the text to the place it is reported as
     * @return the document's root node; a {@link Node.Scalar} with null text for an empty document
     */
    Node read(String text, Where wholeText, IntFunction<Where> lineToWhere) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), new StringReader(text))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Node.Scalar(wholeText, null);
            }
            Node root = value(parser, first, lineToWhere, 0);
            if (parser.nextToken() != null) {
                throw ScenarioException.at(lineToWhere.apply(parser.currentTokenLocation().getLineNr()),
                        "a second YAML document ('---'); a scenario is one document, put each in a file of its own");
            }
            return root;
        } catch (JacksonException e) {
            throw syntaxError(e, wholeText, lineToWhere);
        }
    }

    private Node value(JsonParser parser, JsonToken token, IntFunction<Where> lineToWhere, int depth) {
        Where where = lineToWhere.apply(parser.currentTokenLocation().getLineNr());
        refuseTag(parser, where);
        switch (token) {
            case START_OBJECT:
                return map(parser, where, lineToWhere, deeper(depth, where));
            case START_ARRAY:
                int itemDepth = deeper(depth, where);
                List<Node> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(value(parser, t, lineToWhere, itemDepth));
                }
                return new Node.Sequence(where, items);
            case VALUE_NULL:
                return new Node.Scalar(where, null);
            default:
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    throw ScenarioException.at(where, "YAML aliases (*" + parser.getString()
                            + ") are not supported; write the value out");
                }
                String text = parser.getString();
                if (text.length() > MAX_SCALAR_CHARS) {
                    throw ScenarioException.at(where, "a value of " + text.length() + " characters; values are at most "
                            + MAX_SCALAR_CHARS);
                }
                return new Node.Scalar(where, text);
        }
    }

    private static int deeper(int depth, Where where) {
        if (depth >= MAX_DEPTH) {
            throw ScenarioException.at(where, "maps and lists nested more than " + MAX_DEPTH
                    + " levels deep; scenario keys use at most 5");
        }
        return depth + 1;
    }

    /** A tag asks a YAML loader to build a typed object ({@code !!java.lang.Runtime}); scenarios hold plain values. */
    private static void refuseTag(JsonParser parser, Where where) {
        if (parser instanceof YAMLParser yaml && yaml.getRawTag() != null) {
            throw ScenarioException.at(where, "YAML tags (" + yaml.getRawTag()
                    + ") are not supported; write the plain value");
        }
    }

    private Node.Mapping map(JsonParser parser, Where where, IntFunction<Where> lineToWhere, int depth) {
        Node.Mapping map = new Node.Mapping(where);
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            Where keyWhere = lineToWhere.apply(parser.currentTokenLocation().getLineNr());
            if (map.get(key) != null) {
                throw ScenarioException.at(keyWhere, "duplicate key '" + key + "' (first written at "
                        + map.get(key).keyWhere().describe() + ")");
            }
            map.put(key, keyWhere, value(parser, parser.nextToken(), lineToWhere, depth));
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
