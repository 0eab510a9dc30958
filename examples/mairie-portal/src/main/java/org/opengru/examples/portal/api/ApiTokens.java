package org.opengru.examples.portal.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.opengru.spring.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The back-office software's bearer tokens for the JSON API, under {@code portal.api}. Several may be valid
 * at once, so that a token is rotated without downtime: add the new one, switch the logiciel métier over,
 * remove the old one. There is no default: the application does not start without one (the demo profile
 * sets a published demonstration token, refused in any other profile).
 *
 * <pre>
 * portal.api.tokens.logiciel-metier-2026.secret=${LOGICIEL_METIER_TOKEN}
 * portal.api.tokens.logiciel-metier-2026.scopes=read,decide,webhooks
 * portal.api.tokens.logiciel-metier-2026.teams=etat-civil,enfance
 * </pre>
 *
 * @param tokens the tokens by id (lower case letters, digits, dots, dashes); the id, never the token, is
 *     written to the audit log at every use
 * @param webhookSubscriber the subscriber name of the logiciel métier's webhook, shown to it
 */
@ConfigurationProperties("portal.api")
@Validated
public record ApiTokens(
        @Nullable Map<@Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}") String, @Valid Token> tokens,
        @DefaultValue("logiciel-metier") String webhookSubscriber) {

    /** The property that names the tokens, for error messages. */
    public static final String PROPERTY = "portal.api.tokens";

    /** The demonstration token the demo profile sets; it is published, so no other profile accepts it. */
    public static final String DEMO_TOKEN = "jeton-de-demonstration-du-logiciel-metier";

    /**
     * One token.
     *
     * @param secret the token itself: at least 32 random characters ({@code openssl rand -base64 32}), from
     *     the environment or a secret store, never in the source
     * @param scopes what it may do: {@code read} (démarches, requests, history, slots), {@code decide}
     *     (actions and messages on requests), {@code webhooks} (the webhook description)
     * @param teams the commune's teams (services) whose requests and appointments the token acts for, as an
     *     agent of those teams only: a logiciel métier of the urbanisme sees no état-civil request
     */
    public record Token(
            @NotNull @Secret.MinLength(32) Secret secret,
            @NotEmpty Set<Scope> scopes,
            @NotEmpty Set<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String> teams) {}

    /** What a token may do; each API operation names the one it needs ({@link ApiScope}). */
    public enum Scope {
        READ,
        DECIDE,
        WEBHOOKS
    }

    /** The tokens by id, sorted. */
    public Map<String, Token> tokensOrEmpty() {
        return tokens == null ? Map.of() : new TreeMap<>(tokens);
    }
}
