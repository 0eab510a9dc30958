package org.opengru.spring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * OpenGRU's settings, under the prefix {@code gru}.
 *
 * <pre>
 * gru.defaults.contact.service=Accueil de la mairie
 * gru.tenants.saint-martin.name=Mairie de Saint-Martin
 * gru.tenants.saint-martin.franceconnect.client-id=...
 * </pre>
 *
 * @param storage where OpenGRU keeps its data: {@code auto} uses PostgreSQL when the application
 *     has a DataSource and memory otherwise
 * @param jobs the background jobs (outbox relay, deadline sweeper) the application runs itself
 * @param defaults the shared block every tenant inherits from
 * @param tenants the collectivités served by this installation, by id (lower case letters, digits
 *     and dashes)
 */
@ConfigurationProperties("gru")
@Validated
public record GruProperties(
        @DefaultValue("auto") @NotNull Storage storage,
        @Valid @DefaultValue Jobs jobs,
        @Valid @DefaultValue TenantProperties defaults,
        @Valid @Nullable Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String, @Valid TenantProperties> tenants) {

    /** Where data is kept. */
    public enum Storage {
        /** PostgreSQL when a DataSource exists, memory otherwise. */
        AUTO,
        /** Memory only: data does not survive a restart. */
        MEMORY,
        /** PostgreSQL through the application's DataSource; startup fails without one. */
        JDBC
    }

    /**
     * The jobs OpenGRU schedules in this application. Turn them off to run them elsewhere (another
     * node, a batch runner): every job is also a plain bean that can be called.
     *
     * @param enabled whether this application runs the jobs at all
     * @param outboxRelayInterval how often the outbox relay looks for events to deliver
     * @param deadlineSweepInterval how often due implicit decisions (silence vaut accord/rejet) are applied
     */
    public record Jobs(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") @NotNull Duration outboxRelayInterval,
            @DefaultValue("5m") @NotNull Duration deadlineSweepInterval) {}

    /** The tenants' ids, sorted. */
    public Iterable<String> tenantIds() {
        return tenantsOrEmpty().keySet();
    }

    /** The settings of one tenant, with what it leaves unset inherited from {@link #defaults()}. */
    public TenantProperties tenant(String id) {
        TenantProperties own = tenantsOrEmpty().get(id);
        if (own == null) {
            throw new IllegalArgumentException("No tenant '" + id + "' under gru.tenants; known: "
                    + tenantsOrEmpty().keySet());
        }
        return own.inheritFrom(defaults);
    }

    private Map<String, TenantProperties> tenantsOrEmpty() {
        return tenants == null ? Map.of() : new TreeMap<>(tenants);
    }
}
