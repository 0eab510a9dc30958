package org.opengru.examples.portal.demo;

import java.util.List;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.Report;
import org.opengru.reports.ReportDraft;
import org.opengru.reports.ReportService;
import org.opengru.reports.ReportStatus;
import org.opengru.reports.Reporter;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo's signalements: a few problems reported by the demo residents, one taken in hand and one
 * resolved, so that the public page, the map and the agents' list have something to show. Filed once: a
 * restart over the same database finds them and adds none.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoReports {

    /** Where the demo's reports are, in the commune's north and south quarters. */
    static final GeoPoint PLACE_DU_MARCHE = new GeoPoint(47.9021, 1.9093);

    static final GeoPoint RUE_DES_ECOLES = new GeoPoint(47.9150, 1.8990);

    static final GeoPoint QUAI_DE_LOIRE = new GeoPoint(47.8950, 1.9300);

    @Bean
    ApplicationRunner demoReportsFiled(ReportService reports) {
        return args -> {
            if (!reports.publicReports(Commune.TENANT, 1).isEmpty()) {
                return;
            }
            Report deposit = file(
                    reports,
                    DemoPeople.CLAIRE,
                    "depot-sauvage",
                    PLACE_DU_MARCHE,
                    "Des sacs de déchets et un vieux matelas au pied du conteneur à verre.");
            Report light = file(
                    reports,
                    DemoPeople.PAUL,
                    "eclairage",
                    RUE_DES_ECOLES,
                    "Le lampadaire devant l'école maternelle ne s'allume plus le soir.");
            Report road = file(
                    reports,
                    DemoPeople.AMINA,
                    "voirie",
                    QUAI_DE_LOIRE,
                    "Un trou profond dans la chaussée, dangereux pour les vélos.");
            AgentPrincipal linh = Principal.agent(
                    Commune.TENANT, DemoPeople.LINH, java.util.Set.of(Commune.PROPRETE, Commune.URBANISME));
            reports.changeStatus(linh, light.id(), ReportStatus.IN_PROGRESS);
            reports.changeStatus(linh, List.of(road.id()), ReportStatus.IN_PROGRESS);
            reports.changeStatus(linh, road.id(), ReportStatus.RESOLVED);
            if (deposit.status() != ReportStatus.RECEIVED) {
                throw new IllegalStateException("the demo's report was not filed: " + deposit.status());
            }
        };
    }

    private static Report file(
            ReportService reports, org.opengru.core.id.UsagerId who, String category, GeoPoint where, String text) {
        return reports.file(ReportDraft.by(Commune.TENANT, Reporter.resident(who), "demo")
                        .category(category)
                        .at(where)
                        .description(text))
                .report();
    }
}
