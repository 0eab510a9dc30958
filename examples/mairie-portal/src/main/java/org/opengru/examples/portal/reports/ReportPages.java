package org.opengru.examples.portal.reports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.GruException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.error.Violation;
import org.opengru.core.value.EmailAddress;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.commune.FormErrors;
import org.opengru.examples.portal.commune.FrenchReasons;
import org.opengru.examples.portal.commune.ResidentProblems;
import org.opengru.examples.portal.signin.CurrentUser;
import org.opengru.examples.portal.signin.PortalUser;
import org.opengru.reports.Filing;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.PublicReport;
import org.opengru.reports.Report;
import org.opengru.reports.ReportDraft;
import org.opengru.reports.ReportId;
import org.opengru.reports.ReportService;
import org.opengru.reports.Reporter;
import org.opengru.reports.TooManyReportsException;
import org.opengru.reports.opendata.ReportsOpenData;
import org.opengru.spring.reports.GruReports;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The residents' and the public's signalement pages. Reporting is in two steps so that it works without
 * JavaScript: where and what (a point on the map, the device's position, or an address searched on the
 * server), then the open reports of that category nearby ("déjà signalé : +1") above the description,
 * photos and, without an account, the e-mail. Signed-out residents may report when the commune allows it.
 */
@Controller
class ReportPages {

    private final ReportViews views;
    private final ReportService service;
    private final GruReports reports;

    ReportPages(ReportViews views, GruReports reports) {
        this.views = views;
        this.service = views.service();
        this.reports = reports;
    }

    // ---- Public page and map

    @GetMapping("/signalements")
    String list(Model model) {
        model.addAttribute("reports", service.publicReports(Commune.TENANT, ReportViews.PUBLIC_LIMIT));
        return "signalements/liste";
    }

    /** The public map's points: the public view only (category, status, date, a rounded point). */
    @GetMapping(value = "/signalements/carte.geojson", produces = "application/geo+json")
    @ResponseBody
    Map<String, Object> map() {
        return ReportViews.publicGeoJson(service.publicReports(Commune.TENANT, ReportViews.PUBLIC_LIMIT));
    }

    /** A report's public page: where it stands, for its reporters and anyone else. */
    @GetMapping("/signalements/{id}")
    String report(@PathVariable String id, Model model) {
        PublicReport r = views.publicReport(ReportId.parse(id)).orElseThrow(() -> new NotFoundException("report", id));
        model.addAttribute("report", r);
        return "signalements/signalement";
    }

    // ---- Reporting, step 1: where and what

    @GetMapping("/signalements/nouveau")
    String start(HttpSession session, Model model) {
        if (!mayReport(session)) {
            return "signalements/connexion-requise";
        }
        model.addAttribute("errors", new FormErrors());
        return "signalements/nouveau";
    }

    @PostMapping("/signalements/nouveau")
    String place(
            @RequestParam(defaultValue = "") String categorie,
            @RequestParam(defaultValue = "") String adresse,
            @RequestParam(required = false) @Nullable String lat,
            @RequestParam(required = false) @Nullable String lon,
            @RequestParam(name = "lieu-photo", required = false) @Nullable String photoPlace,
            @RequestParam(name = "photo", required = false) @Nullable MultipartFile photo,
            HttpSession session,
            Model model) {
        if (!mayReport(session)) {
            return "signalements/connexion-requise";
        }
        FormErrors errors = new FormErrors();
        GeoPoint suggested = null;
        if (views.settings().category(categorie).isEmpty()) {
            errors.add("categorie", "Choisissez une catégorie de la liste.");
        }
        GeoPoint point = null;
        boolean fromAddress = false;
        GeoPoint picked = point(lat, lon);
        if (picked == null && photoPlace != null && !photoPlace.isBlank()) {
            // The photo's position, which the resident confirmed ("lat,lon" from the suggestion's choice).
            String[] parts = photoPlace.split(",", 2);
            picked = parts.length == 2 ? point(parts[0], parts[1]) : null;
        }
        if (picked != null) {
            if (views.settings().commune().contains(picked)) {
                point = picked;
            } else {
                errors.add("adresse", "Ce lieu est en dehors de la commune : choisissez un point dans la commune.");
            }
        } else if (!adresse.isBlank()) {
            try {
                point = service.locate(Commune.TENANT, adresse);
                fromAddress = true;
            } catch (ValidationException e) {
                errors.add("adresse", FrenchReasons.of(e.violations().get(0)));
            }
        } else if (photo != null && !photo.isEmpty()) {
            // Only suggested: the resident confirms the photo's place before it becomes the report's.
            suggested = service.suggestLocation(Commune.TENANT, bytes(photo)).orElse(null);
            if (suggested == null) {
                errors.add(
                        "adresse",
                        "Cette photo ne porte pas de position dans la commune : indiquez l'adresse du problème,"
                                + " ou choisissez un point sur la carte.");
            }
        } else {
            errors.add("adresse", "Indiquez l'adresse du problème, ou choisissez un point sur la carte.");
        }
        if (!errors.isEmpty() || point == null) {
            model.addAttribute("errors", errors);
            model.addAttribute("suggestion", suggested);
            model.addAttribute("categorie", categorie);
            model.addAttribute("adresse", adresse);
            return "signalements/nouveau";
        }
        details(categorie, point, fromAddress ? adresse.strip() : null, new FormErrors(), model);
        return "signalements/details";
    }

    // ---- Step 2: déjà signalé ? then the details

    @PostMapping("/signalements/envoi")
    String file(
            @RequestParam(defaultValue = "") String categorie,
            @RequestParam(required = false) @Nullable String lat,
            @RequestParam(required = false) @Nullable String lon,
            @RequestParam(required = false) @Nullable String adresse,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        if (!mayReport(session)) {
            return "signalements/connexion-requise";
        }
        GeoPoint point = point(lat, lon);
        if (point == null || views.settings().category(categorie).isEmpty()) {
            // Step 1's values are missing (a hand-made request, an old page): start again.
            return "redirect:/signalements/nouveau";
        }
        FormErrors errors = new FormErrors();
        Reporter reporter = reporter(session, email, errors);
        ReportDraft draft = reporter == null ? null : ReportDraft.by(Commune.TENANT, reporter, request.getRemoteAddr());
        if (draft != null) {
            draft = draft.category(categorie).description(description);
            draft = adresse != null && !adresse.isBlank() ? draft.address(adresse) : draft.at(point);
            for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
                if (!photo.isEmpty()) {
                    draft = draft.photo(bytes(photo));
                }
            }
        }
        if (draft != null && errors.isEmpty()) {
            try {
                Filing filing = service.file(draft);
                if (filing.awaitingVerification()) {
                    return "signalements/a-confirmer";
                }
                redirect.addFlashAttribute("notice", "Votre signalement est envoyé au service concerné. Merci !");
                return "redirect:/signalements/" + filing.report().id();
            } catch (TooManyReportsException e) {
                errors.add(null, e.french());
            } catch (ValidationException e) {
                for (Violation v : e.violations()) {
                    errors.add(field(v.field()), FrenchReasons.of(v));
                }
            }
        }
        details(categorie, point, adresse, errors, model);
        model.addAttribute("description", description);
        model.addAttribute("email", email);
        return "signalements/details";
    }

    private void details(String category, GeoPoint point, @Nullable String address, FormErrors errors, Model model) {
        model.addAttribute("categorie", category);
        model.addAttribute("lat", point.lat());
        model.addAttribute("lon", point.lon());
        model.addAttribute("adresse", address);
        model.addAttribute("nearby", service.nearby(Commune.TENANT, category, point));
        model.addAttribute("errors", errors);
    }

    /** "Déjà signalé : +1": the resident follows the existing report instead of filing another. */
    @PostMapping("/signalements/{id}/soutien")
    String support(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String email,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        ReportId report = ReportId.parse(id);
        if (!mayReport(session)) {
            return "signalements/connexion-requise";
        }
        FormErrors errors = new FormErrors();
        Reporter reporter = reporter(session, email, errors);
        String problem;
        if (reporter != null) {
            try {
                service.support(Commune.TENANT, report, reporter, request.getRemoteAddr());
                if (reporter instanceof Reporter.Anonymous) {
                    redirect.addFlashAttribute(
                            "notice",
                            "C'est noté. Ouvrez le lien que nous venons de vous envoyer par e-mail pour suivre ce"
                                    + " signalement.");
                } else {
                    redirect.addFlashAttribute(
                            "notice", "C'est noté : vous suivez ce signalement et serez prévenu de son avancement.");
                }
                return "redirect:/signalements/" + report;
            } catch (TooManyReportsException e) {
                problem = e.french();
            } catch (GruException e) {
                problem = "Votre soutien n'est pas enregistré : " + ResidentProblems.french(e) + ".";
            }
        } else {
            problem = errors.all().get(0).message();
        }
        redirect.addFlashAttribute("problem", problem);
        return "redirect:/signalements/" + report;
    }

    // ---- E-mail verification (reports without an account)

    /** Shows a button: a link opened by a mail scanner must not confirm anything by itself. */
    @GetMapping("/signalements/confirmation")
    String confirmation(@RequestParam(required = false) @Nullable String jeton, Model model) {
        model.addAttribute("jeton", jeton);
        return "signalements/confirmation";
    }

    @PostMapping("/signalements/confirmation")
    String confirm(@RequestParam(required = false) @Nullable String jeton, Model model, RedirectAttributes redirect) {
        try {
            Report r = service.verify(Commune.TENANT, jeton == null ? "" : jeton);
            redirect.addFlashAttribute(
                    "notice",
                    "Votre adresse électronique est confirmée : vous serez prévenu de l'avancement par e-mail.");
            return "redirect:/signalements/" + r.id();
        } catch (ValidationException e) {
            model.addAttribute("problem", FrenchReasons.of(e.violations().get(0)));
            model.addAttribute("jeton", null);
            return "signalements/confirmation";
        }
    }

    // ---- The resident's reports

    @GetMapping("/signalements/mes-signalements")
    String mine(HttpSession session, Model model) {
        PortalUser user = CurrentUser.resident(session);
        model.addAttribute(
                "mine",
                service.export(Commune.TENANT, Reporter.resident(user.usager().usager())));
        return "signalements/mes-signalements";
    }

    // ---- Open data

    @GetMapping("/signalements/donnees-ouvertes")
    String openData(Model model) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth now = YearMonth.from(LocalDate.now(Commune.ZONE));
        for (int i = 0; i < 12; i++) {
            months.add(now.minusMonths(i));
        }
        model.addAttribute("months", months);
        return "signalements/donnees-ouvertes";
    }

    @GetMapping("/signalements/donnees-ouvertes/{month}.csv")
    ResponseEntity<String> csv(@PathVariable String month) {
        ReportsOpenData data = openData();
        String body = data.csv(data.rows(service, Commune.TENANT, YearMonth.parse(month)));
        return download(body, "signalements-" + YearMonth.parse(month) + ".csv", "text/csv;charset=UTF-8");
    }

    @GetMapping("/signalements/donnees-ouvertes/{month}.geojson")
    ResponseEntity<String> geoJson(@PathVariable String month) {
        ReportsOpenData data = openData();
        String body = data.geoJson(data.rows(service, Commune.TENANT, YearMonth.parse(month)), views.settings());
        return download(body, "signalements-" + YearMonth.parse(month) + ".geojson", "application/geo+json");
    }

    private ReportsOpenData openData() {
        return reports.openData(Commune.TENANT).orElseThrow(() -> new NotFoundException("open data", "reports"));
    }

    private static ResponseEntity<String> download(String body, String name, String type) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }

    // ---- Helpers

    /** A signed-in resident, or anyone when the commune takes reports without an account (not agents). */
    private boolean mayReport(HttpSession session) {
        PortalUser user = CurrentUser.find(session);
        if (user != null) {
            return !user.agent();
        }
        return views.settings().anonymousAllowed();
    }

    private static @Nullable Reporter reporter(HttpSession session, @Nullable String email, FormErrors errors) {
        PortalUser user = CurrentUser.find(session);
        if (user != null && !user.agent()) {
            return Reporter.resident(user.usager().usager());
        }
        if (email == null || email.isBlank()) {
            errors.add("email", "Indiquez votre adresse électronique pour suivre votre signalement.");
            return null;
        }
        try {
            return Reporter.anonymous(EmailAddress.parse(email.strip()));
        } catch (ValidationException e) {
            errors.add("email", "Indiquez une adresse électronique valable, par exemple nom@exemple.fr.");
            return null;
        }
    }

    private static @Nullable GeoPoint point(@Nullable String lat, @Nullable String lon) {
        if (lat == null || lon == null || lat.isBlank() || lon.isBlank()) {
            return null;
        }
        try {
            return new GeoPoint(Double.parseDouble(lat.strip()), Double.parseDouble(lon.strip()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The form's field for a library field name. */
    private static @Nullable String field(String libraryField) {
        if (libraryField.startsWith("photos")) {
            return "photos";
        }
        return switch (libraryField) {
            case "description" -> "description";
            case "reporter" -> "email";
            default -> null;
        };
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
