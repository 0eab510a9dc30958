package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class MairiePortalApplicationTest extends RunningPortal {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheHomePageInFrenchAndReportsHealthUpWithItsDatabase() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body())
                .contains("<html lang=\"fr\">")
                .contains("<title>Accueil - Mairie de Belleville-sur-Loire</title>")
                .contains("Aller au contenu");

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void everyPublicPageAnswers() throws Exception {
        for (String page : new String[] {"/accessibilite", "/plan-du-site", "/mentions-legales"}) {
            assertThat(get(page).statusCode()).as(page).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Path tempDirectory() {
        try {
            return Files.createTempDirectory("portal-db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
