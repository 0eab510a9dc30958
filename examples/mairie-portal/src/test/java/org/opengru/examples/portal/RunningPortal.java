package org.opengru.examples.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running portal (embedded PostgreSQL and documents in a temporary folder) shared by every test class
 * that extends this one: Spring caches the context, so the portal starts once per test run. Its port and
 * the demo identity provider's are chosen before the start, as the sign-in's redirect URIs name them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class RunningPortal {

    static final Path DATA = MairiePortalApplicationTest.tempDirectory();
    static final int PORT = freePort();
    static final int PROVIDER_PORT = freePort();
    static final int SMTP_PORT = freePort();
    static final int IMAP_PORT = freePort();
    static final int PAYFIP_PORT = freePort();
    static final String URBANISME_TOKEN = "jeton-du-logiciel-de-l-urbanisme-0123456789";

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("portal.demo.identity-provider-port", () -> PROVIDER_PORT);
        registry.add("portal.demo.smtp-port", () -> SMTP_PORT);
        registry.add("portal.demo.imap-port", () -> IMAP_PORT);
        registry.add("portal.demo.payfip-port", () -> PAYFIP_PORT);
        registry.add("portal.database.directory", () -> DATA.resolve("postgres").toString());
        registry.add(
                "portal.documents.directory", () -> DATA.resolve("documents").toString());
        // A second logiciel métier, of the urbanisme only (ApiTest: it sees no other team's request).
        registry.add("portal.api.tokens.urbanisme.secret", () -> URBANISME_TOKEN);
        registry.add("portal.api.tokens.urbanisme.scopes", () -> "read,decide");
        registry.add("portal.api.tokens.urbanisme.teams", () -> "urbanisme");
        // The signalements' address search: a local stand-in for the Base Adresse Nationale.
        registry.add("gru.reports.geocoder-url", FakeAddressBase::url);
        // A paying appointment's slot is held this long for its payment: PaidAppointmentsTest waits it out.
        registry.add("gru.scheduling.hold-duration", () -> "60s");
        // Every test's browser comes from 127.0.0.1, one origin for the flood limit shared by the whole run.
        registry.add("gru.reports.flood-limit", () -> "1000");
    }

    static String url(String path) {
        return "http://localhost:" + PORT + path;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
