package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.Procedure;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;

/**
 * No page of the journeys says a code: every page a resident and the agents reach from their menus, every
 * démarche's form, every request of the queues and of the resident's space, against {@link RawCodes} (the
 * catalogue's codes and the enums' names).
 */
class PagesSayNoCodeTest extends RunningPortal {

    private static final Pattern REQUEST_LINK =
            Pattern.compile("href=\"(/(?:agent/demandes|mes-demandes)/[0-9a-f-]{36})\"");
    private static final Pattern APPOINTMENT_LINK = Pattern.compile("href=\"(/rendez-vous/[0-9a-f-]{36})\"");

    @Test
    void theResidentsPagesSayNoCode() {
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        List<String> pages = new ArrayList<>(List.of("/mon-espace", "/demarches", "/rendez-vous", "/plan-du-site"));
        for (Procedure p : Commune.procedures()) {
            pages.add("/demarches/" + p.code().value());
        }
        String space = claire.get("/mon-espace").body();
        pages.addAll(links(REQUEST_LINK, space));
        pages.addAll(links(APPOINTMENT_LINK, space));
        assertNoCode(claire, pages);
    }

    @Test
    void theAgentsPagesSayNoCode() {
        for (DemoPeople.DemoAgent who : DemoPeople.AGENTS) {
            HttpBrowser agent = new HttpBrowser(PORT);
            agent.signInAgent(who);
            List<String> pages = new ArrayList<>(List.of("/agent", "/agent?vue=closes", "/agent/saisie"));
            // The day's appointments, for the agents of a site's teams (the others are refused).
            if (Commune.sites().stream().anyMatch(s -> s.teams().stream().anyMatch(who.teams()::contains))) {
                pages.add("/agent/rendez-vous");
            }
            for (Procedure p : Commune.procedures()) {
                if (who.teams().contains(p.team())) {
                    pages.add("/agent/saisie?demarche=" + p.code().value());
                }
            }
            pages.addAll(links(REQUEST_LINK, agent.get("/agent").body()));
            pages.addAll(links(REQUEST_LINK, agent.get("/agent?vue=closes").body()));
            assertNoCode(agent, pages);
        }
    }

    private static void assertNoCode(HttpBrowser who, List<String> pages) {
        for (String path : pages) {
            HttpResponse<String> page = who.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(RawCodes.foundIn(RawCodes.readable(page.body())))
                    .as("codes on %s", path)
                    .isEmpty();
        }
    }

    private static Set<String> links(Pattern link, String html) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = link.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
