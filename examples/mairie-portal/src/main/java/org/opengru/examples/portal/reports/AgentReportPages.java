package org.opengru.examples.portal.reports;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.GruException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.documents.storage.BlobStore;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.commune.ResidentProblems;
import org.opengru.examples.portal.signin.CurrentUser;
import org.opengru.reports.NearbyReport;
import org.opengru.reports.Report;
import org.opengru.reports.ReportId;
import org.opengru.reports.ReportPhoto;
import org.opengru.reports.ReportQuery;
import org.opengru.reports.ReportService;
import org.opengru.reports.ReportStatus;
import org.opengru.reports.ReportTransition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agents' signalements: the reports routed to their teams as a list and a map, filtered by category,
 * status and zone; several moved at once; one report's page with its history, its nearby open reports of
 * the same category and the merge of a duplicate into one of them.
 */
@Controller
class AgentReportPages {

    private static final int LIMIT = 300;

    private final ReportViews views;
    private final ReportService service;
    private final BlobStore blobs;

    AgentReportPages(ReportViews views, BlobStore blobs) {
        this.views = views;
        this.service = views.service();
        this.blobs = blobs;
    }

    /** A filter's values; one the page does not know is ignored (a hand-edited link is no error). */
    public record Filter(
            @Nullable String categorie,
            @Nullable ReportStatus etat,
            @Nullable String zone) {

        public ReportQuery query() {
            return ReportQuery.all(Commune.TENANT)
                    .category(categorie)
                    .status(etat)
                    .zone(zone)
                    .limit(LIMIT);
        }

        /** The filter as a query string, for the map's points and the page's links. */
        public String query(String path) {
            StringBuilder sb = new StringBuilder(path).append('?');
            if (categorie != null) {
                sb.append("categorie=").append(categorie).append('&');
            }
            if (etat != null) {
                sb.append("etat=").append(etat.name()).append('&');
            }
            if (zone != null) {
                sb.append("zone=").append(zone).append('&');
            }
            return sb.substring(0, sb.length() - 1);
        }
    }

    private Filter filter(@Nullable String categorie, @Nullable String etat, @Nullable String zone) {
        String c = categorie != null && views.settings().category(categorie).isPresent() ? categorie : null;
        ReportStatus s = etat == null ? null : status(etat);
        String z = zone != null && views.settings().zone(zone).isPresent() ? zone : null;
        return new Filter(c, s, z);
    }

    @GetMapping("/agent/signalements")
    String list(
            @RequestParam(required = false) @Nullable String categorie,
            @RequestParam(required = false) @Nullable String etat,
            @RequestParam(required = false) @Nullable String zone,
            HttpSession session,
            Model model) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        Filter filter = filter(categorie, etat, zone);
        model.addAttribute("filter", filter);
        model.addAttribute("reports", service.list(agent, filter.query()));
        model.addAttribute("points", filter.query("/agent/signalements/carte.geojson"));
        model.addAttribute("retour", filter.query("/agent/signalements"));
        return "agent/signalements";
    }

    @GetMapping(value = "/agent/signalements/carte.geojson", produces = "application/geo+json")
    @ResponseBody
    Map<String, Object> map(
            @RequestParam(required = false) @Nullable String categorie,
            @RequestParam(required = false) @Nullable String etat,
            @RequestParam(required = false) @Nullable String zone,
            HttpSession session) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        ReportViews.GeoJsonBuilder json = views.agentGeoJson();
        service.list(agent, filter(categorie, etat, zone).query()).forEach(json::add);
        return json.build();
    }

    /** Several reports moved to one status: all or none (the library checks every move first). */
    @PostMapping("/agent/signalements/etat")
    String changeMany(
            @RequestParam(name = "signalement", required = false) @Nullable List<String> ids,
            @RequestParam(defaultValue = "") String etat,
            @RequestParam(defaultValue = "/agent/signalements") String retour,
            HttpSession session,
            RedirectAttributes redirect) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        String back = retour.startsWith("/agent/signalements") ? retour : "/agent/signalements";
        ReportStatus to = status(etat);
        if (ids == null || ids.isEmpty() || to == null) {
            redirect.addFlashAttribute(
                    "problem", "Cochez au moins un signalement et choisissez le nouvel état, puis validez.");
            return "redirect:" + back;
        }
        List<ReportId> reports = new ArrayList<>();
        ids.forEach(id -> reports.add(ReportId.parse(id)));
        try {
            service.changeStatus(agent, reports, to);
            redirect.addFlashAttribute(
                    "notice",
                    reports.size() + (reports.size() == 1 ? " signalement passé" : " signalements passés")
                            + " à l'état « " + to.french() + " ». Les personnes qui les suivent sont prévenues.");
        } catch (GruException e) {
            redirect.addFlashAttribute("problem", "Aucun signalement n'a changé : " + ResidentProblems.french(e) + ".");
        }
        return "redirect:" + back;
    }

    @GetMapping("/agent/signalements/{id}")
    String report(@PathVariable String id, HttpSession session, Model model) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        Report r = service.report(agent, ReportId.parse(id));
        model.addAttribute("report", r);
        model.addAttribute("categoryLabel", views.category(r.category()));
        List<NearbyReport> candidates = r.status().open()
                ? service.nearby(Commune.TENANT, r.category(), r.location()).stream()
                        .filter(n -> !n.id().equals(r.id()))
                        .toList()
                : List.of();
        model.addAttribute("candidates", candidates);
        model.addAttribute(
                "moves",
                views.statuses().stream()
                        .filter(to -> to != r.status() && allowed(r.status(), to))
                        .toList());
        return "agent/signalement";
    }

    /**
     * One photo of a report (numbered from 1), for the agents of its teams only: {@link ReportService#report}
     * refuses the others before the blob is read. The stored photo has its metadata stripped already.
     */
    @GetMapping("/agent/signalements/{id}/photos/{number}")
    void photo(@PathVariable String id, @PathVariable String number, HttpSession session, HttpServletResponse response)
            throws IOException {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        Report r = service.report(agent, ReportId.parse(id));
        int n = number.matches("[1-9][0-9]{0,2}") ? Integer.parseInt(number) : 0;
        if (n < 1 || n > r.photos().size()) {
            throw new NotFoundException("report photo", number);
        }
        ReportPhoto photo = r.photos().get(n - 1);
        try (InputStream in = blobs.open(photo.blob())) {
            PhotoResponses.send(
                    in,
                    photo.mediaType(),
                    photo.sizeBytes(),
                    "signalement-" + r.id() + "-photo-" + n + PhotoResponses.extension(photo.mediaType()),
                    response);
        }
    }

    @PostMapping("/agent/signalements/{id}/etat")
    String change(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String etat,
            HttpSession session,
            RedirectAttributes redirect) {
        ReportId report = ReportId.parse(id);
        return changeMany(List.of(report.toString()), etat, "/agent/signalements/" + report, session, redirect);
    }

    /** Merges this report (a duplicate) into another: its followers follow the other one from now on. */
    @PostMapping("/agent/signalements/{id}/fusion")
    String merge(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String cible,
            HttpSession session,
            RedirectAttributes redirect) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        ReportId duplicate = ReportId.parse(id);
        ReportId into;
        try {
            into = ReportId.parse(cible.strip());
        } catch (GruException e) {
            redirect.addFlashAttribute("problem", "Choisissez le signalement à garder.");
            return "redirect:/agent/signalements/" + duplicate;
        }
        try {
            service.merge(agent, duplicate, into);
            redirect.addFlashAttribute(
                    "notice",
                    "Les deux signalements sont fusionnés : les personnes qui suivaient celui-ci suivent"
                            + " désormais celui que vous avez gardé.");
            return "redirect:/agent/signalements/" + into;
        } catch (GruException e) {
            redirect.addFlashAttribute("problem", "La fusion n'est pas faite : " + ResidentProblems.french(e) + ".");
            return "redirect:/agent/signalements/" + duplicate;
        }
    }

    private static @Nullable ReportStatus status(String name) {
        return Arrays.stream(ReportStatus.values())
                .filter(ReportStatus::filed)
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static boolean allowed(ReportStatus from, ReportStatus to) {
        return ReportTransition.find(from, to, ReportTransition.Actor.AGENT).isPresent();
    }
}
