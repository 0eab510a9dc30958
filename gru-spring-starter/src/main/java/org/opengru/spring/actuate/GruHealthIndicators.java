package org.opengru.spring.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.documents.scan.ClamdScanner;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.franceconnect.FranceConnectException;
import org.opengru.franceconnect.rp.ProviderMetadata;
import org.opengru.franceconnect.rp.RelyingParties;
import org.opengru.franceconnect.rp.RelyingParty;
import org.opengru.spring.GruProperties;
import org.opengru.spring.franceconnect.AgentRelyingParties;
import org.opengru.spring.storage.GruStorage;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The health indicators; each one cheap enough for a readiness probe. */
final class GruHealthIndicators {

    private GruHealthIndicators() {}

    /** PostgreSQL answers and holds OpenGRU's tables; memory storage is reported as such. */
    static final class Database implements HealthIndicator {
        private final GruStorage storage;

        Database(GruStorage storage) {
            this.storage = storage;
        }

        @Override
        public Health health() {
            Optional<DataSource> ds = storage.dataSource();
            if (ds.isEmpty()) {
                return Health.up()
                        .withDetail("storage", "memory")
                        .withDetail("warning", "data does not survive a restart")
                        .build();
            }
            try (Connection c = ds.get().getConnection();
                    var s = c.createStatement();
                    var rs = s.executeQuery("SELECT to_regclass('gru_request') IS NOT NULL")) {
                rs.next();
                boolean migrated = rs.getBoolean(1);
                return (migrated ? Health.up() : Health.down())
                        .withDetail("storage", "postgresql")
                        .withDetail(
                                "schema", migrated ? "migrated" : "OpenGRU's tables are missing: apply the migrations")
                        .build();
            } catch (Exception e) {
                return Health.down(e).withDetail("storage", "postgresql").build();
            }
        }
    }

    /** The storage directory exists and is writable; ClamAV answers PING when configured. */
    static final class DocumentStorage implements HealthIndicator {
        private final @Nullable Path directory;
        private final VirusScanner scanner;

        DocumentStorage(@Nullable Path directory, VirusScanner scanner) {
            this.directory = directory;
            this.scanner = scanner;
        }

        @Override
        public Health health() {
            Health.Builder health = Health.up();
            if (directory == null) {
                health.withDetail("storage", "memory");
            } else {
                boolean writable = Files.isDirectory(directory) && Files.isWritable(directory);
                health.withDetail("storage", directory.toString()).withDetail("writable", writable);
                if (!writable) {
                    health.down();
                }
            }
            if (scanner instanceof ClamdScanner clamd) {
                boolean answers = clamd.ping();
                health.withDetail("clamd", answers ? "answers" : "does not answer: uploads are quarantined");
                if (!answers) {
                    health.down();
                }
            } else {
                health.withDetail("clamd", "not configured: uploads are not scanned");
            }
            return health.build();
        }
    }

    /** Each tenant's providers publish their discovery document and their JWKS. */
    static final class Providers implements HealthIndicator {
        private final GruProperties properties;
        private final RelyingParties residents;
        private final AgentRelyingParties agents;
        private final HttpClient http;
        private final Duration timeout;

        Providers(GruProperties properties, RelyingParties residents, AgentRelyingParties agents, Duration timeout) {
            this.properties = properties;
            this.residents = residents;
            this.agents = agents;
            this.timeout = timeout;
            this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        }

        @Override
        public Health health() {
            Map<String, Object> details = new LinkedHashMap<>();
            boolean allUp = true;
            for (String tenant : properties.tenantIds()) {
                Optional<RelyingParty> fc = resident(tenant);
                if (fc.isPresent()) {
                    String status = check(fc.get());
                    details.put(tenant + ".franceconnect", status);
                    allUp &= status.equals("UP");
                }
                Optional<AgentRelyingParties.AgentLogin> pc = agents.forTenant(tenant);
                if (pc.isPresent()) {
                    String status = check(pc.get().relyingParty());
                    details.put(tenant + ".proconnect", status);
                    allUp &= status.equals("UP");
                }
            }
            return (allUp ? Health.up() : Health.down()).withDetails(details).build();
        }

        private Optional<RelyingParty> resident(String tenant) {
            try {
                return Optional.of(residents.forTenant(tenant));
            } catch (FranceConnectException e) {
                return Optional.empty();
            }
        }

        private String check(RelyingParty rp) {
            ProviderMetadata metadata;
            try {
                metadata = rp.metadata();
            } catch (FranceConnectException e) {
                return "DOWN: discovery failed: " + e.getMessage();
            }
            String discovery = rp.config().issuer() + "/.well-known/openid-configuration";
            for (URI uri : List.of(URI.create(discovery), metadata.jwksUri())) {
                try {
                    HttpResponse<Void> response = http.send(
                            HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        return "DOWN: " + uri + " answered " + response.statusCode();
                    }
                } catch (java.io.IOException e) {
                    return "DOWN: " + uri + " unreachable: " + e.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "DOWN: interrupted";
                }
            }
            return "UP";
        }
    }

    /** The outbox backlog: DOWN when the oldest pending event waits longer than the threshold. */
    static final class OutboxBacklog implements HealthIndicator {
        private final Outbox outbox;
        private final Clock clock;
        private final Duration threshold;

        OutboxBacklog(Outbox outbox, Clock clock, Duration threshold) {
            this.outbox = outbox;
            this.clock = clock;
            this.threshold = threshold;
        }

        @Override
        public Health health() {
            long pending = outbox.count(OutboxStatus.PENDING);
            long dead = outbox.count(OutboxStatus.DEAD);
            Duration lag = OutboxLag.of(outbox, clock);
            return (lag.compareTo(threshold) > 0 ? Health.down() : Health.up())
                    .withDetail("pending", pending)
                    .withDetail("dead", dead)
                    .withDetail("oldestPendingAge", lag.toString())
                    .build();
        }
    }

    /** How long the oldest pending delivery has been waiting. */
    static final class OutboxLag {
        private OutboxLag() {}

        static Duration of(Outbox outbox, Clock clock) {
            List<OutboxRecord> oldest = outbox.withStatus(OutboxStatus.PENDING, 1);
            if (oldest.isEmpty()) {
                return Duration.ZERO;
            }
            Duration lag = Duration.between(oldest.get(0).message().occurredAt(), clock.instant());
            return lag.isNegative() ? Duration.ZERO : lag;
        }
    }
}
