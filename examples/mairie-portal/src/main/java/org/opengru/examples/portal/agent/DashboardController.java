package org.opengru.examples.portal.agent;

import jakarta.servlet.http.HttpSession;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.satisfaction.SatisfactionStore;
import org.opengru.core.stats.CaseFactsSource;
import org.opengru.core.stats.TeamDashboard;
import org.opengru.core.stats.TeamDashboards;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.signin.CurrentUser;
import org.opengru.spring.storage.GruStorage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The team lead's dashboard (tableau de bord): the figures of the agent's teams as SVG bar charts, each
 * followed by the same figures in a table for screen readers and for anyone who prefers numbers.
 */
@Controller
class DashboardController {

    /** The periods offered, in weeks. */
    static final List<Integer> PERIODS = List.of(4, 8, 13, 26);

    private static final String BLUE = "#1d3f8f";
    private static final String GREEN = "#18753c";
    private static final String ORANGE = "#b34000";
    private static final String RED = "#ce0500";
    /** Received, decided, pending: the bars of the weeks' and the démarches' charts. */
    private static final List<BarChart.Series> FLOW = List.of(
            new BarChart.Series("Reçues", BLUE),
            new BarChart.Series("Décidées", GREEN),
            new BarChart.Series("En attente", ORANGE));

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.FRENCH);

    private final GruCore core;
    private final TeamDashboards dashboards;

    DashboardController(
            GruCore core, GruStorage migrated, DataSource dataSource, ObjectProvider<SatisfactionStore> surveys) {
        this.core = core;
        // Read from the database, like every node: the figures are the same whichever node serves them.
        this.dashboards = new TeamDashboards(
                CaseFactsSource.postgres(JdbcTransactions.of(dataSource)),
                core.procedures(),
                surveys.getIfAvailable(),
                core.clock());
    }

    @GetMapping("/agent/tableau-de-bord")
    String dashboard(
            @RequestParam(name = "semaines", defaultValue = "8") String weeks, HttpSession session, Model model) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        int period = PERIODS.stream()
                .filter(p -> String.valueOf(p).equals(weeks))
                .findFirst()
                .orElse(8);
        TeamDashboard d = dashboards.of(agent, TeamDashboards.Query.lastWeeks(period, Commune.ZONE));
        Map<String, String> titles = new HashMap<>();
        for (Procedure p : core.procedures().catalogue(Commune.TENANT)) {
            titles.put(p.code().value(), p.title());
        }
        model.addAttribute("d", d);
        model.addAttribute("period", period);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("titles", titles);
        model.addAttribute(
                "weekChart",
                new BarChart(
                                FLOW,
                                d.weeks().stream()
                                        .map(w -> new BarChart.Row(
                                                "Semaine du " + WEEK.format(w.monday()),
                                                List.of(w.received(), w.decided(), w.pendingAtEnd())))
                                        .toList())
                        .svg());
        model.addAttribute(
                "procedureChart",
                new BarChart(
                                FLOW,
                                d.procedures().stream()
                                        .map(p -> new BarChart.Row(
                                                title(titles, p.procedure()),
                                                List.of(p.received(), p.decided(), p.pending())))
                                        .toList())
                        .svg());
        model.addAttribute(
                "riskChart",
                d.atRisk().isEmpty()
                        ? null
                        : new BarChart(
                                        List.of(
                                                new BarChart.Series("Échéance dépassée", RED),
                                                new BarChart.Series("Dans les " + d.riskDays() + " jours", ORANGE)),
                                        d.atRisk().stream()
                                                .map(r -> new BarChart.Row(
                                                        title(titles, r.procedure()),
                                                        List.of(r.overdue(), r.dueSoon())))
                                                .toList())
                                .svg());
        model.addAttribute(
                "satisfactionChart",
                d.satisfaction().isEmpty()
                        ? null
                        : new BarChart(
                                        List.of(new BarChart.Series("Note moyenne sur 5", BLUE)),
                                        d.satisfaction().stream()
                                                .map(s -> new BarChart.Row(
                                                        titles.getOrDefault(s.procedureCode(), s.procedureCode()),
                                                        List.<Number>of(s.mean() == null ? 0.0 : s.mean())))
                                                .toList())
                                .svg());
        return "agent/tableau-de-bord";
    }

    private static String title(Map<String, String> titles, ProcedureCode code) {
        return titles.getOrDefault(code.value(), code.value());
    }
}
