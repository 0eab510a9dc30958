package org.opengru.spring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one collectivité. Every value is optional here: a tenant inherits whatever it
 * leaves out from the shared {@code gru.defaults} block ({@link #inheritFrom}).
 *
 * @param name the collectivité's name as residents read it, for example "Mairie de Saint-Martin"
 * @param contact the service in charge, printed on every accusé de réception
 * @param franceconnect the FranceConnect client of this collectivité
 * @param apiParticulier the API Particulier subscription of this collectivité
 */
public record TenantProperties(
        @Nullable String name,
        @Valid @Nullable Contact contact,
        @Valid @Nullable FranceConnect franceconnect,
        @Valid @Nullable ApiParticulier apiParticulier) {

    /** A block with nothing set. */
    public static TenantProperties empty() {
        return new TenantProperties(null, null, null, null);
    }

    /** This block, with every value it leaves unset taken from {@code base}. */
    public TenantProperties inheritFrom(TenantProperties base) {
        return new TenantProperties(
                or(name, base.name),
                contact == null ? base.contact : base.contact == null ? contact : contact.inheritFrom(base.contact),
                franceconnect == null
                        ? base.franceconnect
                        : base.franceconnect == null ? franceconnect : franceconnect.inheritFrom(base.franceconnect),
                apiParticulier == null
                        ? base.apiParticulier
                        : base.apiParticulier == null
                                ? apiParticulier
                                : apiParticulier.inheritFrom(base.apiParticulier));
    }

    /**
     * The service in charge of requests, with the contact details the CRPA requires on the
     * accusé de réception (article R112-11-1).
     *
     * @param service the name of the service, for example "Service état civil"
     * @param postalAddress the service's postal address, on one line
     * @param email the service's email address
     * @param phone the service's phone number, in French or E.164 format
     */
    public record Contact(
            @Nullable String service,
            @Nullable String postalAddress,
            @Email @Nullable String email,

            @Pattern(regexp = "^(\\+[1-9][0-9 .]{6,18}|0[1-9]([ .]?[0-9]{2}){4})$") @Nullable
            String phone) {

        Contact inheritFrom(Contact base) {
            return new Contact(
                    or(service, base.service),
                    or(postalAddress, base.postalAddress),
                    or(email, base.email),
                    or(phone, base.phone));
        }
    }

    /**
     * A FranceConnect client, as registered on the FranceConnect partner space.
     *
     * @param enabled whether residents of this collectivité can sign in with FranceConnect
     * @param platform the FranceConnect platform: integration (tests) or production
     * @param issuer the provider's issuer URL, overriding the platform's (for a local provider)
     * @param clientId the client id given by FranceConnect
     * @param clientSecret the client secret given by FranceConnect
     * @param redirectUri the callback URL registered with FranceConnect
     * @param postLogoutRedirectUri where FranceConnect sends the resident back after logout
     * @param scopes the scopes requested (openid is always included)
     * @param acr the eIDAS level requested: eidas1 for FranceConnect, eidas2 or eidas3 for FranceConnect+
     */
    public record FranceConnect(
            @Nullable Boolean enabled,
            @Nullable Platform platform,
            @Nullable URI issuer,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @Nullable URI redirectUri,
            @Nullable URI postLogoutRedirectUri,
            @Nullable List<String> scopes,
            @Pattern(regexp = "eidas[123]") @Nullable String acr) {

        FranceConnect inheritFrom(FranceConnect base) {
            return new FranceConnect(
                    or(enabled, base.enabled),
                    or(platform, base.platform),
                    or(issuer, base.issuer),
                    or(clientId, base.clientId),
                    or(clientSecret, base.clientSecret),
                    or(redirectUri, base.redirectUri),
                    or(postLogoutRedirectUri, base.postLogoutRedirectUri),
                    or(scopes, base.scopes),
                    or(acr, base.acr));
        }
    }

    /** The FranceConnect platforms; each is configuration, not code. */
    public enum Platform {
        /** The partners' test platform, with test identities. */
        INTEGRATION,
        /** The production platform. */
        PRODUCTION
    }

    /**
     * An API Particulier subscription.
     *
     * @param baseUrl the API's base URL (production or the sandbox)
     * @param token the bearer token of the subscription
     * @param recipient the SIRET of the collectivité, sent as the mandatory {@code recipient}
     * @param timeout how long to wait for an answer (5 s when unset)
     * @param habilitations per démarche code, the scopes the collectivité is entitled to
     */
    public record ApiParticulier(
            @Nullable URI baseUrl,
            @Nullable String token,
            @Pattern(regexp = "[0-9]{14}") @Nullable String recipient,
            @Nullable Duration timeout,
            @Nullable Map<String, List<String>> habilitations) {

        ApiParticulier inheritFrom(ApiParticulier base) {
            return new ApiParticulier(
                    or(baseUrl, base.baseUrl),
                    or(token, base.token),
                    or(recipient, base.recipient),
                    or(timeout, base.timeout),
                    or(habilitations, base.habilitations));
        }
    }

    private static <T> @Nullable T or(@Nullable T value, @Nullable T fallback) {
        return value != null ? value : fallback;
    }
}
