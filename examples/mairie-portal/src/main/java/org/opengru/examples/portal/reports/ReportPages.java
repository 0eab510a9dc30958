package org.opengru.examples.portal.reports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
import org.opengru.reports.NearbyReport;
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
    private final PhotoHolding holding;

    /** The answer "another place than the photo's", and "the place I gave". */
    private static final String NO = "autre";

    private static final String GIVEN = "indique";

    ReportPages(ReportViews views, GruReports reports, PhotoHolding holding) {
        this.views = views;
        this.service = views.service();
        this.reports = reports;
        this.holding = holding;
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
        return step1(new FormErrors(), "", "", null, null, false, session, model);
    }

    /**
     * Step 1 sent: the category and the place — a point (the map, the device's position), an address, or a
     * photo whose EXIF position step 2 proposes. A photo chosen here is held (stripped) and joins the report.
     */
    @PostMapping("/signalements/nouveau")
    String place(
            @RequestParam(defaultValue = "") String categorie,
            @RequestParam(defaultValue = "") String adresse,
            @RequestParam(required = false) @Nullable String lat,
            @RequestParam(required = false) @Nullable String lon,
            @RequestParam(name = "photo", required = false) @Nullable MultipartFile photo,
            @RequestParam(name = "lieu-photo", required = false) @Nullable String photoAnswer,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable List<String> retirer,
            HttpSession session,
            Model model) {
        if (!mayReport(session)) {
            return "signalements/connexion-requise";
        }
        boolean photoRefused = NO.equals(photoAnswer);
        drop(session, retirer);
        FormErrors errors = new FormErrors();
        if (views.settings().category(categorie).isEmpty()) {
            errors.add("categorie", "Choisissez une catégorie de la liste.");
        }
        boolean photoChosen = hold(session, photo == null ? List.of() : List.of(photo), "photo", errors);
        GeoPoint point = null;
        GeoPoint proposed = null;
        boolean fromAddress = false;
        GeoPoint picked = point(lat, lon);
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
        } else {
            // Only proposed: the resident confirms the photo's place at step 2 before it becomes the report's.
            proposed = photoRefused ? null : photoPlace(session, null);
            if (proposed == null) {
                errors.add(
                        "adresse",
                        photoChosen && !photoRefused
                                ? "Cette photo ne porte pas de position dans la commune : indiquez l'adresse du"
                                        + " problème, ou choisissez un point sur la carte."
                                : "Indiquez l'adresse du problème, ou choisissez un point sur la carte.");
            }
        }
        if (!errors.isEmpty()) {
            return step1(errors, categorie, adresse, description, email, photoRefused, session, model);
        }
        // The photo's place refused: step 2 does not ask again.
        model.addAttribute("lieuPhotoRefuse", photoRefused);
        return details(
                categorie,
                point,
                fromAddress ? adresse.strip() : null,
                proposed,
                false,
                new FormErrors(),
                description,
                email,
                session,
                model);
    }

    // ---- Step 2: déjà signalé ? then the details

    /**
     * Step 2 sent. Photos chosen here are held (stripped) first, so that nothing chosen is lost when the page
     * comes back. When a photo's EXIF position lies in the commune and away from the place given (or no place
     * was given), the report is not filed yet: the page comes back asking which place to keep.
     */
    @PostMapping("/signalements/envoi")
    String file(
            @RequestParam(defaultValue = "") String categorie,
            @RequestParam(required = false) @Nullable String lat,
            @RequestParam(required = false) @Nullable String lon,
            @RequestParam(required = false) @Nullable String adresse,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
            @RequestParam(name = "lieu-photo", required = false) @Nullable String photoAnswer,
            @RequestParam(name = "question", required = false) @Nullable String asked,
            @RequestParam(required = false) @Nullable List<String> retirer,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        if (!mayReport(session)) {
            return "signalements/connexion-requise";
        }
        if (views.settings().category(categorie).isEmpty()) {
            // Step 1's values are missing (a hand-made request, an old page): start again.
            return "redirect:/signalements/nouveau";
        }
        drop(session, retirer);
        FormErrors errors = new FormErrors();
        hold(session, photos == null ? List.of() : photos, "photos", errors);
        GeoPoint given = point(lat, lon);
        String address = adresse == null || adresse.isBlank() ? null : adresse.strip();
        GeoPoint proposed = photoPlace(session, given);
        GeoPoint place = given;
        boolean atPhoto = false;
        if (photoAnswer != null && photoAnswer.contains(",")) {
            String[] parts = photoAnswer.split(",", 2);
            GeoPoint chosen = point(parts[0], parts[1]);
            if (chosen == null || !views.settings().commune().contains(chosen)) {
                errors.add(
                        "lieu-photo-oui", "Ce lieu est en dehors de la commune : choisissez un point dans la commune.");
            } else {
                place = chosen;
                atPhoto = true;
            }
        } else if (NO.equals(photoAnswer) || (place == null && proposed == null)) {
            // Another place than the photo's, or none given (straight to this step): step 1 asks where,
            // keeping what was written and the photos.
            FormErrors where = new FormErrors();
            if (!NO.equals(photoAnswer)) {
                where.add("adresse", "Indiquez l'adresse du problème, ou choisissez un point sur la carte.");
            }
            return step1(where, categorie, "", description, email, NO.equals(photoAnswer), session, model);
        } else if (!GIVEN.equals(photoAnswer) && proposed != null) {
            if (asked != null) {
                errors.add(
                        "lieu-photo-oui",
                        "Choisissez l'endroit à retenir : celui de la photo, ou celui que vous avez indiqué.");
            }
            return details(categorie, given, address, proposed, true, errors, description, email, session, model);
        }
        Reporter reporter = reporter(session, email, errors);
        if (reporter != null && place != null && errors.isEmpty()) {
            ReportDraft draft = ReportDraft.by(Commune.TENANT, reporter, request.getRemoteAddr())
                    .category(categorie)
                    .description(description);
            draft = address != null && !atPhoto ? draft.address(address) : draft.at(place);
            for (PhotoHolding.Held photo : holding.held(session)) {
                draft = draft.photo(photo.bytes());
            }
            try {
                Filing filing = service.file(draft);
                holding.clear(session);
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
        model.addAttribute("lieuPhotoRefuse", GIVEN.equals(photoAnswer));
        return details(
                categorie,
                place,
                atPhoto ? null : address,
                atPhoto ? null : proposed,
                false,
                errors,
                description,
                email,
                session,
                model);
    }

    /** One photo held for this session, shown on the pages before filing (stripped already). */
    @GetMapping("/signalements/photos-jointes/{number}")
    void heldPhoto(@PathVariable String number, HttpSession session, HttpServletResponse response) throws IOException {
        List<PhotoHolding.Held> held = holding.held(session);
        int n = number(number);
        if (n < 1 || n > held.size()) {
            throw new NotFoundException("held photo", number);
        }
        PhotoHolding.Held photo = held.get(n - 1);
        PhotoResponses.send(
                new ByteArrayInputStream(photo.bytes()),
                photo.mediaType(),
                photo.bytes().length,
                "photo-" + n + PhotoResponses.extension(photo.mediaType()),
                response);
    }

    private String step1(
            FormErrors errors,
            String category,
            String address,
            @Nullable String description,
            @Nullable String email,
            boolean photoRefused,
            HttpSession session,
            Model model) {
        model.addAttribute("errors", errors);
        model.addAttribute("categorie", category);
        model.addAttribute("adresse", address);
        model.addAttribute("description", description);
        model.addAttribute("email", email);
        model.addAttribute("lieuPhotoRefuse", photoRefused);
        model.addAttribute("jointes", holding.held(session).size());
        return "signalements/nouveau";
    }

    /**
     * Step 2's page. {@code given} is the place the resident gave (null when none yet), {@code proposed} a
     * photo's EXIF position to confirm; the open reports nearby are those of both.
     */
    private String details(
            String category,
            @Nullable GeoPoint given,
            @Nullable String address,
            @Nullable GeoPoint proposed,
            boolean sentAlready,
            FormErrors errors,
            @Nullable String description,
            @Nullable String email,
            HttpSession session,
            Model model) {
        Map<ReportId, NearbyReport> nearby = new LinkedHashMap<>();
        for (GeoPoint p : Arrays.asList(given, proposed)) {
            if (p != null) {
                service.nearby(Commune.TENANT, category, p).forEach(n -> nearby.putIfAbsent(n.id(), n));
            }
        }
        model.addAttribute("categorie", category);
        model.addAttribute("lat", given == null ? null : given.lat());
        model.addAttribute("lon", given == null ? null : given.lon());
        model.addAttribute("adresse", given == null ? null : address);
        model.addAttribute("proposition", proposed);
        model.addAttribute(
                "distance", given == null || proposed == null ? null : Math.round(given.distanceMetres(proposed)));
        // The resident pressed "Envoyer" and finds the page again: say why, first.
        model.addAttribute("questionApresEnvoi", sentAlready && proposed != null && errors.isEmpty());
        model.addAttribute("nearby", List.copyOf(nearby.values()));
        model.addAttribute("jointes", holding.held(session).size());
        model.addAttribute("errors", errors);
        model.addAttribute("description", description);
        model.addAttribute("email", email);
        return "signalements/details";
    }

    /** Drops the held photos the resident ticked "ne pas joindre" (numbered from 1). */
    private void drop(HttpSession session, @Nullable List<String> numbers) {
        if (numbers != null) {
            numbers.stream()
                    .map(ReportPages::number)
                    .distinct()
                    .sorted(java.util.Comparator.reverseOrder())
                    .forEach(n -> holding.remove(session, n));
        }
    }

    /** Holds each chosen file; a refused one is said under {@code field}. Whether any file was chosen. */
    private boolean hold(HttpSession session, List<MultipartFile> files, String field, FormErrors errors) {
        boolean chosen = false;
        int max = views.settings().maxPhotos();
        for (MultipartFile f : files) {
            if (f != null && !f.isEmpty()) {
                chosen = true;
                String why = holding.add(session, bytes(f), max);
                if (why != null) {
                    errors.add(field, why);
                }
            }
        }
        return chosen;
    }

    /**
     * The EXIF position of the first held photo that has one in the commune, unless it is within the
     * duplicate radius of the place given (then they agree, and nothing is asked).
     */
    private @Nullable GeoPoint photoPlace(HttpSession session, @Nullable GeoPoint given) {
        var settings = views.settings();
        for (PhotoHolding.Held photo : holding.held(session)) {
            GeoPoint p = photo.position();
            if (p != null && settings.commune().contains(p)) {
                return given != null && given.distanceMetres(p) <= settings.duplicateRadiusMetres() ? null : p;
            }
        }
        return null;
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

    private static int number(String n) {
        return n.matches("[1-9][0-9]{0,2}") ? Integer.parseInt(n) : 0;
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
