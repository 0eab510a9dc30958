package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.opengru.examples.portal.resident.Appointments;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An agent sees and marks the appointments of his own sites only, over HTTP: the agent of the town hall's
 * team (état civil) sees a resident's appointment there; an agent of another team (enfance) neither sees
 * the day's page of that site nor can mark the appointment, and a mark before the appointment changes
 * nothing either.
 */
class AgentAppointmentsAccessTest extends RunningPortal {

    @Autowired
    Appointments appointments;

    @Test
    void anAgentOfAnotherTeamNeitherSeesNorMarksTheAppointment() {
        HttpBrowser margaux = new HttpBrowser(PORT);
        margaux.signInResident(EmbeddedDatabasePersistenceTest.MARGAUX_SUB, EmbeddedDatabasePersistenceTest.MARGAUX);
        String csrf = HttpBrowser.csrf(margaux.get("/mon-espace"));
        LocalDate from = LocalDate.now(Commune.ZONE).plusDays(20);
        String slots = margaux.get("/api/v1/creneaux?site=" + Commune.HOTEL_DE_VILLE.value() + "&service="
                        + Commune.SERVICE_ETAT_CIVIL.value() + "&du=" + from + "&au=" + from.plusDays(14))
                .body();
        String start = ApiTest.JSON.readTree(slots).get(0).path("start").asString();
        HttpResponse<String> booked = margaux.postJson(
                "/api/v1/rendez-vous",
                "{\"site\":\"" + Commune.HOTEL_DE_VILLE.value() + "\",\"service\":\""
                        + Commune.SERVICE_ETAT_CIVIL.value() + "\",\"start\":\"" + start + "\"}",
                "X-CSRF-TOKEN",
                csrf);
        assertThat(booked.statusCode()).isEqualTo(201);
        String id = ApiTest.JSON.readTree(booked.body()).path("id").asString();
        try {
            seenAndMarkedByTheSitesTeamOnly(id, start, from);
        } finally {
            // Margaux may hold one appointment per service: other tests book for her too.
            margaux.delete("/api/v1/rendez-vous/" + id, "X-CSRF-TOKEN", csrf);
        }
    }

    private void seenAndMarkedByTheSitesTeamOnly(String id, String start, LocalDate from) {
        String day = "/agent/rendez-vous?site=" + Commune.HOTEL_DE_VILLE.value() + "&jour="
                + Instant.parse(start).atZone(Commune.ZONE).toLocalDate();

        HttpBrowser jeanne = new HttpBrowser(PORT);
        jeanne.signInAgent(DemoPeople.agent(DemoPeople.JEANNE));
        HttpResponse<String> hers = jeanne.get(day);
        assertThat(hers.statusCode()).isEqualTo(200);
        assertThat(hers.body()).contains("/agent/rendez-vous/" + id);

        HttpBrowser marc = new HttpBrowser(PORT);
        HttpResponse<String> queue = marc.signInAgent(DemoPeople.agent(DemoPeople.MARC));
        HttpResponse<String> foreign = marc.get(day);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain(id);
        assertThat(marc.get("/agent/rendez-vous").statusCode())
                .as("no site of his: nothing to show")
                .isEqualTo(403);

        Map<String, String> absent = new LinkedHashMap<>();
        absent.put("_csrf", HttpBrowser.csrf(queue));
        absent.put("presence", "absent");
        absent.put("jour", from.toString());
        absent.put("site", Commune.HOTEL_DE_VILLE.value());
        marc.postForm("/agent/rendez-vous/" + id, absent);
        assertThat(appointments
                        .service()
                        .find(Commune.TENANT, BookingId.parse(id))
                        .status())
                .isEqualTo(BookingStatus.BOOKED);

        // Her own site's agent cannot mark it absent before it has started either.
        absent.put("_csrf", HttpBrowser.csrf(hers));
        jeanne.postForm("/agent/rendez-vous/" + id, absent);
        assertThat(appointments
                        .service()
                        .find(Commune.TENANT, BookingId.parse(id))
                        .status())
                .isEqualTo(BookingStatus.BOOKED);
    }
}
