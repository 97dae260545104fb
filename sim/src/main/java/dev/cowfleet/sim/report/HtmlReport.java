package dev.cowfleet.sim.report;

import dev.cowfleet.sim.result.EffectiveInput;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * report.html: the page a person opens first. Self-contained so it opens from disk, is mailed around
 * and archived without breaking: inline CSS, charts as SVG data URIs (an img keeps each SVG's ids
 * private, so two charts' clip paths cannot collide), no scripts, no network.
 */
public final class HtmlReport {
    public static final String FILE_NAME = "report.html";

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
                   margin: 0 auto; max-width: 1180px; padding: 24px; color: #222; line-height: 1.45; }
            h1 { margin-bottom: 0.2em; }
            .question { font-size: 1.25em; margin-top: 0; }
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

    private HtmlReport() {
    }

    static String render(RunResult result, List<RenderedChart> charts) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>cowfleet: ").append(Html.escape(result.scenario())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        out.append("<h1>").append(Html.escape(result.scenario())).append("</h1>\n")
                .append("<p class=\"question\">").append(Html.escape(result.question())).append("</p>\n")
                .append("<p class=\"meta\">seed ").append(result.seed()).append(" · ")
                .append(result.replications()).append(result.replications() == 1 ? " replication" : " replications")
                .append(" · savings against <b>").append(Html.escape(result.baseline())).append("</b>")
                .append(" · means ± half-width of their 95% confidence interval</p>\n");

        out.append("<h2 id=\"key-figures\">Key figures</h2>\n").append(wide(Html.table(KeyTable.of(result), "key")));
        out.append("<dl>\n");
        for (PolicyResult policy : result.policies()) {
            out.append("<dt>").append(Html.escape(policy.name())).append("</dt><dd>")
                    .append(Html.escape(policy.description())).append("</dd>\n");
        }
        out.append("</dl>\n");
        out.append("<h2 id=\"workers\">One worker's life</h2>\n").append(wide(Html.table(WorkerTable.of(result), "workers")));
        if (CapacityTables.anyPlan(result)) {
            capacity(out, result);
        }

        out.append("<h2 id=\"charts\">Charts</h2>\n");
        for (RenderedChart chart : charts) {
            figure(out, chart);
        }

        out.append("<h2 id=\"inputs\">Effective inputs</h2>\n")
                .append("<table class=\"inputs\">\n<thead><tr><th>key</th><th>value</th><th>origin</th></tr></thead>\n<tbody>\n");
        for (EffectiveInput input : result.inputs()) {
            out.append("<tr><td>").append(Html.escape(input.key())).append("</td><td>")
                    .append(Html.escape(input.value())).append("</td><td>")
                    .append(Html.escape(input.origin())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        out.append("<p class=\"meta\">Machine-readable results are next to this page: ")
                .append(SummaryJson.FILE_NAME).append(", ").append(TimeSeriesCsv.FILE_NAME).append(", ")
                .append(PoliciesCsv.FILE_NAME).append(".</p>\n</body>\n</html>\n");
        return out.toString();
    }

    /** Only for scenarios that plan a fleet: the plan's totals first, then how each host type adds up to them. */
    private static void capacity(StringBuilder out, RunResult result) {
        out.append("<h2 id=\"capacity\">Capacity plan</h2>\n")
                .append("<p>Hosts and money each policy needs for peak traffic after growth, with savings against <b>")
                .append(Html.escape(result.baseline())).append("</b>.</p>\n")
                .append(wide(Html.table(CapacityTables.totals(result), "capacity")));
        List<String> warnings = CapacityTables.warnings(result);
        if (!warnings.isEmpty()) {
            out.append("<ul class=\"warnings\">\n");
            for (String warning : warnings) {
                out.append("<li>").append(Html.escape(warning)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("<h3 id=\"capacity-by-host-type\">Per host type</h3>\n")
                .append(wide(Html.table(CapacityTables.byHostType(result), "capacity-hosts")));
        if (CapacityTables.anyFleet(result)) {
            out.append("<h3 id=\"fleet\">Today's fleet</h3>\n")
                    .append(wide(Html.table(CapacityTables.fleet(result), "fleet")));
        }
    }

    /** Lets a table wider than a narrow window scroll on its own instead of widening the page. */
    private static String wide(String table) {
        return "<div class=\"wide\">\n" + table + "</div>\n";
    }

    private static void figure(StringBuilder out, RenderedChart chart) {
        String svg = Base64.getEncoder().encodeToString(chart.svg().getBytes(StandardCharsets.UTF_8));
        String stem = Html.escape(chart.fileStem());
        out.append("<figure id=\"chart-").append(stem).append("\">\n")
                .append("<img alt=\"").append(Html.escape(chart.title()))
                .append("\" src=\"data:image/svg+xml;base64,").append(svg).append("\">\n")
                .append("<figcaption><b>").append(Html.escape(chart.title())).append(".</b> ")
                .append(Html.escape(chart.caption()))
                .append(" <a href=\"").append(stem).append(".png\">PNG</a> · <a href=\"").append(stem)
                .append(".svg\">SVG</a></figcaption>\n</figure>\n");
    }
}
