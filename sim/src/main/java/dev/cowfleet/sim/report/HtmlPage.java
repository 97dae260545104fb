package dev.cowfleet.sim.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What every cowfleet page shares (report.html, sweep.html): one stylesheet inline, charts as SVG
 * data URIs (an img keeps each SVG's ids private, so two charts' clip paths cannot collide), no
 * scripts, no network, so a page opens from disk, is mailed around and archived without breaking.
 */
public final class HtmlPage {
    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
                   margin: 0 auto; max-width: 1180px; padding: 24px; color: #222; line-height: 1.45; }
            h1 { margin-bottom: 0.2em; }
            .question { font-size: 1.25em; margin-top: 0; }
            .headline { font-size: 1.35em; font-weight: bold; border-left: 4px solid #2b6cb0; padding: .3em .6em; }
            .meta { color: #555; }
            table { border-collapse: collapse; margin: 12px 0; font-size: 0.92em; }
            .wide { overflow-x: auto; }
            th, td { padding: 4px 8px; border-bottom: 1px solid #ddd; vertical-align: bottom; }
            th { text-align: left; background: #f4f4f4; }
            .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td:first-child { white-space: nowrap; }
            tr.marked td { background: #fff8e1; }
            figure { margin: 28px 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { color: #444; }
            dt { font-weight: bold; }
            .warnings li { color: #8a4b00; }
            .inputs td { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
            """;

    private HtmlPage() {
    }

    /** The document up to and including the opening body tag. */
    public static String start(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>cowfleet: " + Html.escape(title) + "</title>\n"
                + "<style>\n" + CSS + "</style>\n</head>\n<body>\n";
    }

    public static String end() {
        return "</body>\n</html>\n";
    }

    /** A chart inline, captioned, linking its PNG and SVG files (named by {@code fileStem}) beside the page. */
    public static String figure(String fileStem, String title, String caption, String svg) {
        String data = Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
        String stem = Html.escape(fileStem);
        return "<figure id=\"chart-" + stem + "\">\n"
                + "<img alt=\"" + Html.escape(title) + "\" src=\"data:image/svg+xml;base64," + data + "\">\n"
                + "<figcaption><b>" + Html.escape(title) + ".</b> " + Html.escape(caption)
                + " <a href=\"" + stem + ".png\">PNG</a> · <a href=\"" + stem + ".svg\">SVG</a></figcaption>\n"
                + "</figure>\n";
    }

    /** Lets a table wider than a narrow window scroll on its own instead of widening the page. */
    public static String wide(String table) {
        return "<div class=\"wide\">\n" + table + "</div>\n";
    }

    public static String escape(String text) {
        return Html.escape(text);
    }
}
