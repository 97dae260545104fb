package dev.cowfleet.sim.report;

import dev.cowfleet.sim.scenario.EffectiveInput;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.util.List;

/** report.html: the page a person opens first, self-contained (see {@link HtmlPage}). */
public final class HtmlReport {
    public static final String FILE_NAME = "report.html";

    private HtmlReport() {
    }

    static String render(RunResult result, List<RenderedChart> charts) {
        StringBuilder out = new StringBuilder();
        out.append(HtmlPage.start(result.scenario()));
        out.append("<h1>").append(Html.escape(result.scenario())).append("</h1>\n")
                .append("<p class=\"question\">").append(Html.escape(result.question())).append("</p>\n")
                .append("<p class=\"headline\" id=\"headline\">").append(Html.escape(Headline.of(result)))
                .append("</p>\n")
                .append("<p class=\"meta\">seed ").append(result.seed()).append(" · ")
                .append(result.replications()).append(result.replications() == 1 ? " replication" : " replications")
                .append(" · savings against <b>").append(Html.escape(result.baseline())).append("</b>")
                .append(result.replications() == 1
                        ? " · means of one replication: no confidence interval (n/a) without a second to measure "
                                + "the spread</p>\n"
                        : " · means ± half-width of their 95% confidence interval</p>\n");

        out.append("<h2 id=\"key-figures\">Key figures</h2>\n").append(HtmlPage.wide(Html.table(FigureTable.keyFigures(result), "key")));
        out.append("<dl>\n");
        for (PolicyResult policy : result.policies()) {
            out.append("<dt>").append(Html.escape(policy.name())).append("</dt><dd>")
                    .append(Html.escape(policy.description())).append("</dd>\n");
        }
        out.append("</dl>\n");
        out.append("<h2 id=\"workers\">One worker's life</h2>\n").append(HtmlPage.wide(Html.table(FigureTable.workers(result), "workers")));
        if (CapacityTables.anyPlan(result)) {
            capacity(out, result);
        }

        out.append("<h2 id=\"charts\">Charts</h2>\n");
        for (RenderedChart chart : charts) {
            out.append(HtmlPage.figure(chart.fileStem(), chart.title(), chart.caption(), chart.svg()));
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
                .append(PoliciesCsv.FILE_NAME).append(".</p>\n").append(HtmlPage.end());
        return out.toString();
    }

    /** Only for scenarios that plan a fleet: the plan's totals first, then how each host type adds up to them. */
    private static void capacity(StringBuilder out, RunResult result) {
        out.append("<h2 id=\"capacity\">Capacity plan</h2>\n")
                .append("<p>Hosts and money each policy needs for peak traffic after growth, with savings against <b>")
                .append(Html.escape(result.baseline())).append("</b>.</p>\n")
                .append(HtmlPage.wide(Html.table(CapacityTables.totals(result), "capacity")));
        List<String> warnings = CapacityTables.warnings(result);
        if (!warnings.isEmpty()) {
            out.append("<ul class=\"warnings\">\n");
            for (String warning : warnings) {
                out.append("<li>").append(Html.escape(warning)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("<h3 id=\"capacity-by-host-type\">Per host type</h3>\n")
                .append(HtmlPage.wide(Html.table(CapacityTables.byHostType(result), "capacity-hosts")));
        if (CapacityTables.anyFleet(result)) {
            out.append("<h3 id=\"fleet\">Today's fleet</h3>\n")
                    .append(HtmlPage.wide(Html.table(CapacityTables.fleet(result), "fleet")));
        }
    }
}
