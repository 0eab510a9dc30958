package org.opengru.spring.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureDefinitions;
import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.error.GruException;
import org.opengru.core.id.TeamId;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TeamDirectory;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import org.opengru.spring.GruProperties;
import org.opengru.spring.TenantProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Puts each tenant's teams and démarches from {@code gru.tenants.<id>} into the catalogue and the team
 * directory at startup. A team a démarche routes to but the properties do not list gets the
 * collectivité's contact block.
 */
final class TenantSetup {

    private static final Logger log = LoggerFactory.getLogger(TenantSetup.class);

    private final GruProperties properties;
    private final PathMatchingResourcePatternResolver resources;
    private final ProcedureDefinitions definitions = new ProcedureDefinitions();

    TenantSetup(GruProperties properties, ClassLoader classLoader) {
        this.properties = properties;
        this.resources = new PathMatchingResourcePatternResolver(classLoader);
    }

    void apply(ProcedureStore procedures, TeamDirectory teams) {
        for (String id : properties.tenantIds()) {
            TenantId tenant = TenantId.of(id);
            TenantProperties settings = properties.tenant(id);
            for (Map.Entry<String, TenantProperties.Contact> team :
                    settings.teamsOrEmpty().entrySet()) {
                teams.save(
                        team(tenant, "gru.tenants." + id + ".teams." + team.getKey(), team.getKey(), team.getValue()));
            }
            int defined = 0;
            for (Procedure procedure : load(id, settings.procedures())) {
                // A persistent catalogue may hold this version from an earlier start: the same content passes,
                // another content is refused (versions are immutable).
                if (procedures.declare(tenant, procedure)) {
                    defined++;
                }
                if (teams.find(tenant, procedure.team()).isEmpty()) {
                    teams.save(team(
                            tenant,
                            "gru.tenants." + id + ".contact",
                            procedure.team().value(),
                            contact(settings)));
                }
            }
            log.info(
                    "OpenGRU tenant {}: {} démarche(s) defined, {} team(s)",
                    id,
                    defined,
                    settings.teamsOrEmpty().size());
        }
    }

    private static TenantProperties.Contact contact(TenantProperties settings) {
        return settings.contact() != null
                ? settings.contact()
                : new TenantProperties.Contact(null, null, null, null, null, null);
    }

    private static Team team(TenantId tenant, String prefix, String id, TenantProperties.Contact c) {
        try {
            return new Team(
                    tenant,
                    TeamId.of(id),
                    required(prefix, "service", c.service()),
                    PostalAddress.france(
                            List.of(required(prefix, "postal-address", c.postalAddress())),
                            required(prefix, "postal-code", c.postalCode()),
                            required(prefix, "city", c.city())),
                    EmailAddress.parse(required(prefix, "email", c.email())),
                    PhoneNumber.parse(required(prefix, "phone", c.phone())));
        } catch (GruException e) {
            throw new InvalidTenantSetupException(prefix, "team '" + id + "' cannot be built: " + e.getMessage(), e);
        }
    }

    private static String required(String prefix, String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidTenantSetupException(
                    prefix + "." + name,
                    "is required: the accusé de réception must give the service's name, postal address, email and phone",
                    null);
        }
        return value;
    }

    private List<Procedure> load(String tenant, @Nullable List<String> patterns) {
        List<Procedure> out = new ArrayList<>();
        if (patterns == null) {
            return out;
        }
        for (String pattern : patterns) {
            Resource[] found;
            try {
                found = resources.getResources(pattern);
            } catch (IOException e) {
                found = new Resource[0];
            }
            if (found.length == 0) {
                throw new InvalidTenantSetupException(
                        "gru.tenants." + tenant + ".procedures", "'" + pattern + "' matches no file", null);
            }
            for (Resource resource : found) {
                out.add(read(tenant, resource));
            }
        }
        return out;
    }

    private Procedure read(String tenant, Resource resource) {
        String name = String.valueOf(resource.getFilename());
        String text;
        try (InputStream in = resource.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        try {
            return name.endsWith(".json") ? definitions.fromJson(text) : definitions.fromYaml(text);
        } catch (GruException e) {
            throw new InvalidTenantSetupException(
                    "gru.tenants." + tenant + ".procedures", resource + ": " + e.getMessage(), e);
        }
    }
}
