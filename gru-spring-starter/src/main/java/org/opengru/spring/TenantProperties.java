package org.opengru.spring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.opengru.core.rgpd.EndOfLife;
import org.opengru.payments.payfip.PayfipMode;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The settings of one collectivité. Every value is optional here: a tenant inherits whatever it
 * leaves out from the shared {@code gru.defaults} block ({@link #inheritFrom}).
 *
 * @param name the collectivité's name as residents read it, for example "Mairie de Saint-Martin"
 * @param contact the service in charge, printed on every accusé de réception
 * @param franceconnect the FranceConnect client of this collectivité
 * @param apiParticulier the API Particulier subscription of this collectivité
 * @param teams the services instructeurs by team id (lower case letters, digits and dashes); each
 *     inherits the contact details it leaves unset from {@code contact}. A team named by a démarche
 *     but not listed here gets the collectivité's {@code contact}
 * @param procedures where the démarche definitions (JSON or YAML, one per file) are, as Spring resource
 *     patterns, for example {@code classpath:gru/procedures/*.yaml}
 * @param proconnect the OpenID provider agents sign in with (ProConnect, the State's agent identity
 *     federation, or any OpenID provider following the same rules)
 * @param scheduling the appointment sites of this collectivité
 * @param retention how long each démarche's closed requests are kept (RGPD), by démarche code; applied by
 *     a purge job every 6 hours (PostgreSQL storage only)
 * @param mail the collectivité's e-mail: notifications sent over SMTP, the residents' replies read over IMAP
 *     and threaded into their requests
 * @param payfip the collectivité's PayFiP Régie account (online payments), given by its DDFiP
 * @param portalUrl the collectivité's portal (its base address, {@code http} or {@code https}, no query), which
 *     the notices asking the resident to act link to, for example {@code https://demarches.saint-martin.fr}:
 *     an approved reservation to pay, a place offered from a waiting list. Unset: the notices say « votre
 *     espace sur le portail de la commune »
 * @param reports the collectivité's signalements (problems in the public space reported by residents): its
 *     territory, categories, zones, routing and map
 */
public record TenantProperties(
        @Nullable String name,
        @Valid @Nullable Contact contact,
        @Valid @Nullable FranceConnect franceconnect,
        @Valid @Nullable ApiParticulier apiParticulier,
        @Nullable Map<@Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}") String, @Valid Contact> teams,
        @Nullable List<String> procedures,
        @Valid @Nullable AgentLogin proconnect,
        @Valid @Nullable Scheduling scheduling,
        @Nullable Map<@Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}") String, @Valid Retention> retention,
        @Valid @Nullable Mail mail,
        @Valid @Nullable Payfip payfip,
        @Valid @Nullable Reports reports,
        @Nullable @Pattern(regexp = PORTAL_URL) String portalUrl) {

    /** An absolute http(s) address without query nor fragment. */
    static final String PORTAL_URL = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\\s?#]*)?";

    /** A block with nothing set. */
    public static TenantProperties empty() {
        return new TenantProperties(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The retention of each démarche, sorted by démarche code. */
    public Map<String, Retention> retentionOrEmpty() {
        return retention == null ? Map.of() : new TreeMap<>(retention);
    }

    /** The teams, each completed with the collectivité's contact details. */
    public Map<String, Contact> teamsOrEmpty() {
        Map<String, Contact> out = new TreeMap<>();
        if (teams != null) {
            teams.forEach((id, team) -> out.put(id, contact == null ? team : team.inheritFrom(contact)));
        }
        return out;
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
                                : apiParticulier.inheritFrom(base.apiParticulier),
                or(teams, base.teams),
                or(procedures, base.procedures),
                proconnect == null
                        ? base.proconnect
                        : base.proconnect == null ? proconnect : proconnect.inheritFrom(base.proconnect),
                or(scheduling, base.scheduling),
                or(retention, base.retention),
                mail == null ? base.mail : base.mail == null ? mail : mail.inheritFrom(base.mail),
                or(payfip, base.payfip),
                or(reports, base.reports),
                or(portalUrl, base.portalUrl));
    }

    /**
     * The collectivité's signalements (gru-reports). A position is {@code "<latitude> <longitude>"} in WGS84
     * decimal degrees, for example {@code "47.9025 1.9090"}; an outline is a list of positions (a simple
     * ring, closing it is optional).
     *
     * @param outline the commune's territory: a report outside it is refused
     * @param defaultTeam the team of the reports no {@code routing} rule matches
     * @param categories the kinds of problem residents may report, label by code, for example {@code
     *     depot-sauvage=Dépôt sauvage}
     * @param zones the commune's zones (quartiers, secteurs) by id: what routes a report and what the open data
     *     counts by
     * @param routing which team takes the reports of a category in a zone (the most specific rule wins)
     * @param anonymousAllowed whether residents without an account may report, with an e-mail they verify
     * @param duplicateRadius how far (metres) an open report of the same category is proposed as the same
     *     problem ("déjà signalé : +1")
     * @param verificationValidity how long the e-mail verification link of a reporter without an account works
     * @param maxPhotos the most photos one report carries (0 to 10)
     * @param maxDescription the longest description, in characters
     * @param keptAfterClosing how long a resolved or rejected report keeps its personal data (then anonymised
     *     by the daily purge)
     * @param openDataMinimumCount the open data leaves a count below this empty (secret statistique)
     * @param map the map of the reporting and public pages
     */
    public record Reports(
            @NotEmpty List<@Pattern(regexp = POSITION) String> outline,

            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}")
            String defaultTeam,

            @NotEmpty Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String, @NotBlank String> categories,
            @Nullable Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String, @Valid ReportZone> zones,
            @Nullable List<@Valid ReportRoute> routing,
            @DefaultValue("false") boolean anonymousAllowed,
            @DefaultValue("50") @Min(1) @Max(1000) int duplicateRadius,

            @DefaultValue("24h") @DurationMin(minutes = 5) @DurationMax(days = 7)
            Duration verificationValidity,

            @DefaultValue("3") @Min(0) @Max(10) int maxPhotos,
            @DefaultValue("2000") @Min(20) @Max(10_000) int maxDescription,
            @DefaultValue("365d") @DurationMin(days = 1) Duration keptAfterClosing,
            @DefaultValue("5") @Min(0) int openDataMinimumCount,
            @Valid @DefaultValue ReportMap map) {

        /** {@code "<latitude> <longitude>"}, decimal degrees. */
        public static final String POSITION = "\\s*-?\\d{1,3}(\\.\\d+)?\\s+-?\\d{1,3}(\\.\\d+)?\\s*";

        /** The zones, sorted by id. */
        public Map<String, ReportZone> zonesOrEmpty() {
            return zones == null ? Map.of() : new TreeMap<>(zones);
        }

        public List<ReportRoute> routingOrEmpty() {
            return routing == null ? List.of() : routing;
        }
    }

    /**
     * A zone of the commune.
     *
     * @param name the zone's name as residents read it, for example "Quartier de la Gare"
     * @param outline the zone's outline
     */
    public record ReportZone(
            @NotBlank String name, @NotEmpty List<@Pattern(regexp = Reports.POSITION) String> outline) {}

    /**
     * Routes the reports of a category in a zone to a team; leave out the category or the zone to match any.
     *
     * @param category a code of {@code categories}, or unset for any
     * @param zone an id of {@code zones}, or unset for any
     * @param team the team in charge
     */
    public record ReportRoute(
            @Nullable String category,
            @Nullable String zone,

            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}")
            String team) {}

    /**
     * The map of the signalement pages: a background of tiles from the commune's tile server (the IGN
     * Géoplateforme's Plan IGN, for example, or the commune's own), drawn by the portal's map library. Unset,
     * the map has no background (the commune's outline and the reports only). Allow the tile server's origin
     * in {@code gru.security.content-security-policy} ({@code img-src}).
     *
     * @param tileUrl the tiles' URL template, with {@code {z}}, {@code {x}} and {@code {y}}, for example
     *     {@code https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&FORMAT=image/png&TILEMATRIXSET=PM&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}}
     * @param attribution the credit the tile server asks for, shown on the map, for example
     *     {@code © IGN – Géoplateforme}
     * @param maxZoom the deepest zoom level the tile server has
     */
    public record ReportMap(
            @Nullable @Pattern(regexp = "https?://\\S*\\{z\\}\\S*")
            String tileUrl,

            @Nullable String attribution,
            @DefaultValue("19") @Min(1) @Max(22) int maxZoom) {}

    /**
     * The collectivité's PayFiP Régie account: what its DDFiP gives it on joining PayFiP, and the limits it
     * sets. PayFiP calls {@code notification-url} (public: PayFiP's servers reach it) and sends the resident
     * back to {@code return-url}; point both at the starter's endpoints, {@code
     * <site>/gru/payfip/<tenant>/notification} and {@code <site>/gru/payfip/<tenant>/retour}. Neither is
     * believed: each reads the result back from PayFiP ({@code recupererDetailPaiementSecurise}).
     *
     * @param clientNumber the régie's client number ({@code numcli}), six digits
     * @param mode {@code test} (no money moves), {@code activation} (real payments, to check the chain
     *     with the DDFiP) or {@code production}, as the DDFiP opened them
     * @param notificationUrl where PayFiP notifies the payment ({@code urlnotif})
     * @param returnUrl where PayFiP sends the resident back ({@code urlredirect})
     * @param resultPage the application's page the return endpoint redirects to, with {@code
     *     ?paiement=<payment id>&etat=<state>} appended (the state as stored after the read-back)
     * @param minAmountCents the smallest amount accepted, in cents (PayFiP's: 100, 1 €)
     * @param maxAmountCents the largest amount accepted, in cents (PayFiP's: 9 999 999)
     * @param reconcileAfter how long a payment may stay pending before the job reads it back
     * @param giveUpAfter how long a payment may stay without a result at PayFiP before it is given up
     *     (expired) after a last read-back; at least {@code reconcile-after}
     * @param keepPersonalData how long a payment keeps the payer's e-mail and the object (RGPD purge)
     * @param endpoint PayFiP's web service (the production one when unset; a sandbox in tests)
     * @param paymentPage PayFiP's payment page (the production one when unset)
     */
    public record Payfip(
            @NotNull @Pattern(regexp = "\\d{6}") String clientNumber,
            @DefaultValue("test") @NotNull PayfipMode mode,
            @NotNull URI notificationUrl,
            @NotNull URI returnUrl,
            @DefaultValue("/") @NotBlank String resultPage,
            @DefaultValue("100") @Min(1) @Max(9_999_999) long minAmountCents,
            @DefaultValue("9999999") @Min(1) @Max(9_999_999) long maxAmountCents,
            @DefaultValue("30m") @DurationMin(minutes = 1) Duration reconcileAfter,
            @DefaultValue("2h") @DurationMin(minutes = 15) Duration giveUpAfter,
            @DefaultValue("P365D") @NotNull Period keepPersonalData,
            @Nullable URI endpoint,
            @Nullable URI paymentPage) {}

    /**
     * The collectivité's e-mail. With {@code smtp} (and no {@code NotificationService} of the application's
     * own) the starter sends the notifications by e-mail, falling back to the in-app inbox; with {@code imap}
     * a job ({@code inbound-mail-<tenant>}, once across the nodes) reads the residents' replies: a reply to a
     * notification joins its request's thread, other mails go to triage (linked to the usager whose contact
     * e-mail sent it, when only one has it), suspicious ones to quarantine.
     *
     * @param smtp the relay the notifications leave by
     * @param imap the mailbox receiving the residents' replies
     * @param replyAddress the address residents reply to (the IMAP mailbox's); each notification about a
     *     request gets a Reply-To with the request's signed token as plus-address ({@code
     *     reponses+r-…@mairie.fr}). Required with {@code imap}
     * @param replyTokenSecret the key signing the reply tokens: at least 32 random bytes in Base64 ({@code
     *     openssl rand -base64 32}); required with {@code imap}. Changing it voids the tokens of the mails
     *     already sent: their replies are quarantined
     * @param replyHint the sentence telling residents they may reply (the templates' {@code replyHint} placeholder);
     *     "Vous pouvez répondre à ce message." when {@code imap} is set and nothing otherwise
     * @param pollInterval how often the mailbox is read (1 min when unset, at least 10 s)
     * @param pollBatch the most mails handled per poll (50 when unset)
     * @param maxAttempts technical failures (database, vault down) of one mail before it is quarantined (5
     *     when unset)
     * @param maxAttachments the most attachments a reply may bring into a request (20 when unset)
     * @param maxAttachmentSize the largest attachment (10MB when unset)
     * @param maxTotalSize the largest total of a reply's attachments (25MB when unset)
     */
    public record Mail(
            @Valid @Nullable Smtp smtp,
            @Valid @Nullable Imap imap,
            @Email @Nullable String replyAddress,
            @Secret.MinLength(44) @Nullable Secret replyTokenSecret,
            @Nullable String replyHint,

            @Nullable @DurationMin(seconds = 10) @DurationMax(hours = 24)
            Duration pollInterval,

            @Nullable @Min(1) @Max(1000) Integer pollBatch,
            @Nullable @Min(1) @Max(100) Integer maxAttempts,
            @Nullable @Min(1) @Max(100) Integer maxAttachments,
            @Nullable DataSize maxAttachmentSize,
            @Nullable DataSize maxTotalSize) {

        Mail inheritFrom(Mail base) {
            return new Mail(
                    smtp == null ? base.smtp : base.smtp == null ? smtp : smtp.inheritFrom(base.smtp),
                    imap == null ? base.imap : base.imap == null ? imap : imap.inheritFrom(base.imap),
                    or(replyAddress, base.replyAddress),
                    or(replyTokenSecret, base.replyTokenSecret),
                    or(replyHint, base.replyHint),
                    or(pollInterval, base.pollInterval),
                    or(pollBatch, base.pollBatch),
                    or(maxAttempts, base.maxAttempts),
                    or(maxAttachments, base.maxAttachments),
                    or(maxAttachmentSize, base.maxAttachmentSize),
                    or(maxTotalSize, base.maxTotalSize));
        }
    }

    /**
     * The SMTP relay of a collectivité's notifications.
     *
     * @param host the relay's host name; required
     * @param port the relay's port (587 with {@code starttls}, 465 with {@code tls}, 25 with {@code none}
     *     when unset)
     * @param security {@code starttls} (the default) or {@code tls} in production; {@code none} only for a
     *     relay on the same host or a test server
     * @param username the account on the relay, with {@code password}; none for a relay that takes the
     *     host's mail without authentication
     * @param password the account's password
     * @param from the sender address, such as {@code ne-pas-repondre@mairie.fr}; required. Its domain ends
     *     the Message-IDs
     * @param fromName the name shown as sender (the collectivité's {@code name} when unset)
     * @param timeout how long to wait for the relay (30 s when unset)
     */
    public record Smtp(
            @Nullable String host,
            @Nullable @Min(1) @Max(65535) Integer port,
            @Nullable SmtpSecurity security,
            @Nullable String username,
            @Nullable Secret password,
            @Email @Nullable String from,
            @Nullable String fromName,
            @Nullable Duration timeout) {

        Smtp inheritFrom(Smtp base) {
            return new Smtp(
                    or(host, base.host),
                    or(port, base.port),
                    or(security, base.security),
                    or(username, base.username),
                    or(password, base.password),
                    or(from, base.from),
                    or(fromName, base.fromName),
                    or(timeout, base.timeout));
        }
    }

    /** The transport security of an SMTP connection. */
    public enum SmtpSecurity {
        /** Plain text: only for a relay on the same host or a test server. */
        NONE,
        /** STARTTLS on the submission port (587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        TLS
    }

    /**
     * The IMAP mailbox receiving the residents' replies.
     *
     * @param host the server's host name; required
     * @param port the server's port (993 with TLS, 143 without, when unset)
     * @param tls IMAPS (the default); {@code false} only for a test server on loopback
     * @param username the mailbox's account; required
     * @param password the account's password; required
     * @param folder the folder read ({@code INBOX} when unset)
     * @param processedFolder where handled mails are moved ({@code OpenGRU-traite} when unset)
     * @param quarantineFolder where quarantined mails are kept whole for an agent ({@code
     *     OpenGRU-quarantaine} when unset)
     * @param timeout how long to wait for the server (30 s when unset)
     */
    public record Imap(
            @Nullable String host,
            @Nullable @Min(1) @Max(65535) Integer port,
            @Nullable Boolean tls,
            @Nullable String username,
            @Nullable Secret password,
            @Nullable String folder,
            @Nullable String processedFolder,
            @Nullable String quarantineFolder,
            @Nullable Duration timeout) {

        Imap inheritFrom(Imap base) {
            return new Imap(
                    or(host, base.host),
                    or(port, base.port),
                    or(tls, base.tls),
                    or(username, base.username),
                    or(password, base.password),
                    or(folder, base.folder),
                    or(processedFolder, base.processedFolder),
                    or(quarantineFolder, base.quarantineFolder),
                    or(timeout, base.timeout));
        }
    }

    /**
     * How long a démarche's requests are kept once closed (decided or withdrawn), as the commune's register
     * of processing activities says (durées de conservation).
     *
     * @param active how long they stay in the active base, for example {@code 1y} or {@code P1Y}
     * @param archive how long they then stay in intermediate archive (archivage intermédiaire), for
     *     example {@code 5y}; {@code 0d} for none
     * @param endOfLife what happens then: {@code purge} (deleted) or {@code anonymise} (kept for statistics
     *     without anything personal)
     */
    public record Retention(
            @NotNull Period active,
            @NotNull Period archive,
            @NotNull EndOfLife endOfLife) {}

    /**
     * The service in charge of requests, with the contact details the CRPA requires on the
     * accusé de réception (article R112-11-1).
     *
     * @param service the name of the service, for example "Service état civil"
     * @param postalAddress the service's street address (number and street, building...), on one line
     * @param postalCode the postal code of the service's address (5 digits in France)
     * @param city the city of the service's address
     * @param email the service's email address
     * @param phone the service's phone number, in French or E.164 format
     */
    public record Contact(
            @Nullable String service,
            @Nullable String postalAddress,
            @Pattern(regexp = "[0-9]{5}") @Nullable String postalCode,
            @Nullable String city,
            @Email @Nullable String email,

            @Pattern(regexp = "^(\\+[1-9][0-9 .]{6,18}|0[1-9]([ .]?[0-9]{2}){4})$") @Nullable
            String phone) {

        Contact inheritFrom(Contact base) {
            return new Contact(
                    or(service, base.service),
                    or(postalAddress, base.postalAddress),
                    or(postalCode, base.postalCode),
                    or(city, base.city),
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
     * @param clientSecret the client secret given by FranceConnect (with {@code client_secret_post})
     * @param clientAuthentication how the relying party authenticates at the token endpoint: {@code
     *     client_secret_post} (the default) or {@code private_key_jwt}, as chosen on the partner space
     * @param clientAssertionKeys with {@code private_key_jwt}: where the relying party's private signing JWK
     *     set is (a Spring resource such as {@code file:/etc/gru/fc-client-keys.json}); its signing key (use
     *     {@code sig}, or the only key) signs the client assertions, ES256 for an EC key and RS256 for an RSA
     *     key, and its public half is published at the relying party's JWKS URL
     * @param redirectUri the callback URL registered with FranceConnect
     * @param postLogoutRedirectUri where FranceConnect sends the resident back after logout
     * @param scopes the scopes requested (openid is always included)
     * @param acr the eIDAS level requested: eidas1 for FranceConnect, eidas2 or eidas3 for FranceConnect+
     * @param checkAtStartup whether to fetch the provider's discovery document at startup, so that an
     *     unreachable or misconfigured provider stops the application instead of the first sign-in
     * @param signingAlgorithm the algorithm registered for ID tokens and userinfo (ES256 recommended,
     *     RS256 also accepted by FranceConnect; ES256 only for FranceConnect+)
     * @param decryptionKeys FranceConnect+ only: where the relying party's private JWK set is (a Spring
     *     resource such as {@code file:/etc/gru/fcplus-keys.json}); its public half is published at the
     *     relying party's JWKS URL
     * @param userinfoFormat {@code signed-jwt} (FranceConnect's format, the default) or {@code plain-json}
     *     for a local test provider that cannot sign userinfo; never plain-json in production
     */
    public record FranceConnect(
            @Nullable Boolean enabled,
            @Nullable Platform platform,
            @Nullable URI issuer,
            @Nullable String clientId,
            @Nullable Secret clientSecret,

            @Pattern(regexp = "client_secret_post|private_key_jwt") @Nullable
            String clientAuthentication,

            @Nullable String clientAssertionKeys,
            @Nullable URI redirectUri,
            @Nullable URI postLogoutRedirectUri,
            @Nullable List<String> scopes,
            @Pattern(regexp = "eidas[123]") @Nullable String acr,
            @Nullable Boolean checkAtStartup,
            @Pattern(regexp = "ES256|RS256") @Nullable String signingAlgorithm,
            @Nullable String decryptionKeys,

            @Pattern(regexp = "signed-jwt|plain-json") @Nullable
            String userinfoFormat) {

        FranceConnect inheritFrom(FranceConnect base) {
            return new FranceConnect(
                    or(enabled, base.enabled),
                    or(platform, base.platform),
                    or(issuer, base.issuer),
                    or(clientId, base.clientId),
                    or(clientSecret, base.clientSecret),
                    or(clientAuthentication, base.clientAuthentication),
                    or(clientAssertionKeys, base.clientAssertionKeys),
                    or(redirectUri, base.redirectUri),
                    or(postLogoutRedirectUri, base.postLogoutRedirectUri),
                    or(scopes, base.scopes),
                    or(acr, base.acr),
                    or(checkAtStartup, base.checkAtStartup),
                    or(signingAlgorithm, base.signingAlgorithm),
                    or(decryptionKeys, base.decryptionKeys),
                    or(userinfoFormat, base.userinfoFormat));
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
            @Secret.MinLength @Nullable Secret token,
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

    /**
     * The OpenID provider agents sign in with: ProConnect (the State's federation of agent identities)
     * or another provider with the same rules (eidas1, signed userinfo). Handled by the same relying
     * party code as FranceConnect.
     *
     * @param enabled whether agents of this collectivité sign in through this provider
     * @param issuer the provider's exact issuer URL (its discovery document lives under it)
     * @param clientId the client id registered with the provider
     * @param clientSecret the client secret registered with the provider (with {@code client_secret_post})
     * @param clientAuthentication {@code client_secret_post} (the default) or {@code private_key_jwt}
     * @param clientAssertionKeys with {@code private_key_jwt}: where the private signing JWK set is (a Spring
     *     resource); ES256 for an EC key, RS256 for an RSA key
     * @param redirectUri the callback URL registered with the provider
     * @param postLogoutRedirectUri where the provider sends the agent back after logout
     * @param scopes the scopes requested (openid is always included)
     * @param agentClaim the userinfo claim that names the agent (the agent id): {@code email} by default
     * @param teams per agent id (the value of {@code agent-claim}), the teams the agent belongs to
     * @param defaultTeams the teams of an agent not listed in {@code teams}; when empty, such an agent
     *     is refused
     * @param checkAtStartup whether to fetch the provider's discovery document at startup
     * @param signingAlgorithm the algorithm registered for ID tokens and userinfo (RS256 for ProConnect)
     * @param userinfoFormat {@code signed-jwt} (ProConnect's format, the default) or {@code plain-json} for
     *     a local test provider
     * @param prompt the {@code prompt} sent to the provider: {@code login} makes it ask who is signing in even
     *     when a session is open there (workstations shared at a counter), {@code consent} asks again for consent
     */
    public record AgentLogin(
            @Nullable Boolean enabled,
            @Nullable URI issuer,
            @Nullable String clientId,
            @Nullable Secret clientSecret,

            @Pattern(regexp = "client_secret_post|private_key_jwt") @Nullable
            String clientAuthentication,

            @Nullable String clientAssertionKeys,
            @Nullable URI redirectUri,
            @Nullable URI postLogoutRedirectUri,
            @Nullable List<String> scopes,
            @Nullable String agentClaim,
            @Nullable Map<String, List<String>> teams,
            @Nullable List<String> defaultTeams,
            @Nullable Boolean checkAtStartup,
            @Pattern(regexp = "ES256|RS256") @Nullable String signingAlgorithm,

            @Pattern(regexp = "signed-jwt|plain-json") @Nullable
            String userinfoFormat,

            @Nullable List<@Pattern(regexp = "login|consent") String> prompt) {

        AgentLogin inheritFrom(AgentLogin base) {
            return new AgentLogin(
                    or(enabled, base.enabled),
                    or(issuer, base.issuer),
                    or(clientId, base.clientId),
                    or(clientSecret, base.clientSecret),
                    or(clientAuthentication, base.clientAuthentication),
                    or(clientAssertionKeys, base.clientAssertionKeys),
                    or(redirectUri, base.redirectUri),
                    or(postLogoutRedirectUri, base.postLogoutRedirectUri),
                    or(scopes, base.scopes),
                    or(agentClaim, base.agentClaim),
                    or(teams, base.teams),
                    or(defaultTeams, base.defaultTeams),
                    or(checkAtStartup, base.checkAtStartup),
                    or(signingAlgorithm, base.signingAlgorithm),
                    or(userinfoFormat, base.userinfoFormat),
                    or(prompt, base.prompt));
        }
    }

    /**
     * The appointment sites, the rooms and equipment to reserve and the event sessions of a collectivité.
     *
     * @param sites the sites (town hall, annexes) by id (lower case letters, digits and dashes)
     * @param reservables the rooms and equipment residents may reserve, by code (lower case letters, digits
     *     and dashes), for example {@code salle-des-fetes}
     * @param events the sessions of events with limited places, by session id (lower case letters, digits and
     *     dashes), for example {@code centre-loisirs-juillet-s1}
     */
    public record Scheduling(
            @Nullable Map<@Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}") String, @Valid Site> sites,
            @Nullable Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String, @Valid ReservableDefinition> reservables,
            @Nullable Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String, @Valid EventSessionDefinition> events) {

        /** The sites, sorted by id. */
        public Map<String, Site> sitesOrEmpty() {
            return sites == null ? Map.of() : new TreeMap<>(sites);
        }

        /** The rooms and equipment, sorted by code. */
        public Map<String, ReservableDefinition> reservablesOrEmpty() {
            return reservables == null ? Map.of() : new TreeMap<>(reservables);
        }

        /** The event sessions, sorted by id. */
        public Map<String, EventSessionDefinition> eventsOrEmpty() {
            return events == null ? Map.of() : new TreeMap<>(events);
        }
    }

    /**
     * A room or equipment residents may reserve (salle des fêtes, barnum, tables).
     *
     * @param name its name as residents read it, for example "Salle des fêtes"
     * @param kind {@code room} or {@code equipment}
     * @param timeZone the time zone of its opening rules
     * @param opening when it may be handed over and given back, by day of the week, each day as comma-separated
     *     {@code HH:mm-HH:mm} windows, for example {@code saturday=08:00-23:00}
     * @param minDuration the shortest reservation
     * @param maxDuration the longest reservation
     * @param maxHorizon the furthest ahead a reservation may start
     * @param tariffs the price by usager kind ({@code resident}, {@code non-resident}, {@code association},
     *     {@code company}); a kind not listed may not reserve it
     * @param depositCents the deposit (caution) handed over with the keys, in cents; not paid online
     * @param requiredPieces the pieces the usager must provide (for example an insurance certificate), by code,
     *     each with its name as residents read it
     * @param teams the teams whose agents approve its reservations
     * @param paymentHold how long an approved reservation waits for its payment before it is released
     */
    public record ReservableDefinition(
            @NotBlank String name,
            @DefaultValue("room") @NotNull ReservableKindName kind,
            @DefaultValue("Europe/Paris") @NotNull java.time.ZoneId timeZone,
            @NotEmpty Map<DayOfWeek, @Pattern(regexp = HOURS) String> opening,
            @DefaultValue("1h") @DurationMin(minutes = 15) Duration minDuration,

            @DefaultValue("3d") @DurationMin(minutes = 15) @DurationMax(days = 366)
            Duration maxDuration,

            @DefaultValue("365d") @DurationMin(days = 1) @DurationMax(days = 1098)
            Duration maxHorizon,

            @NotEmpty Map<UsagerKindName, @Valid TariffDefinition> tariffs,
            @DefaultValue("0") @Min(0) @Max(10_000_000) long depositCents,
            @Nullable Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String, @NotBlank String> requiredPieces,
            @NotEmpty Set<String> teams,

            @DefaultValue("2d") @DurationMin(minutes = 5) @DurationMax(days = 60)
            Duration paymentHold) {

        /** The required pieces, sorted by code. */
        public Map<String, String> requiredPiecesOrEmpty() {
            return requiredPieces == null ? Map.of() : new TreeMap<>(requiredPieces);
        }
    }

    /** The kinds of reservables, as in {@code org.opengru.scheduling.reservation.ReservableKind}. */
    public enum ReservableKindName {
        ROOM,
        EQUIPMENT
    }

    /** The usager kinds a tariff applies to, as in {@code org.opengru.scheduling.reservation.UsagerCategory}. */
    public enum UsagerKindName {
        RESIDENT,
        NON_RESIDENT,
        ASSOCIATION,
        COMPANY
    }

    /**
     * A tariff: a fixed part and a part per started day.
     *
     * @param fixedCents the fixed part, in cents
     * @param perDayCents the part per started day, in cents
     */
    public record TariffDefinition(
            @DefaultValue("0") @Min(0) @Max(10_000_000) long fixedCents,
            @DefaultValue("0") @Min(0) @Max(10_000_000) long perDayCents) {}

    /**
     * A session of an event with limited places (a week of the centre de loisirs, a workshop).
     *
     * @param event the event's code, which groups its sessions (lower case letters, digits and dashes)
     * @param title the session's title as residents read it, for example "Centre de loisirs, semaine du 6 juillet"
     * @param startsAt when it starts, local time of {@code time-zone}, for example {@code 2027-07-06T09:00}
     * @param timeZone the time zone of {@code starts-at} and {@code cancel-until}
     * @param capacity the number of places
     * @param perPersonLimit the most sessions of the event one person may hold
     * @param cancelUntil until when a registration may be cancelled, local time; the start when unset
     * @param priceCents the price of a place in cents, paid online (0: free)
     * @param paymentHold how long a place waits for its payment before it is released
     * @param teams the teams whose agents manage it
     */
    public record EventSessionDefinition(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}")
            String event,

            @NotBlank String title,
            @NotNull @Pattern(regexp = LOCAL_DATE_TIME) String startsAt,
            @DefaultValue("Europe/Paris") @NotNull java.time.ZoneId timeZone,
            @Min(1) @Max(100_000) int capacity,
            @DefaultValue("1") @Min(1) @Max(100) int perPersonLimit,
            @Nullable @Pattern(regexp = LOCAL_DATE_TIME) String cancelUntil,
            @DefaultValue("0") @Min(0) @Max(10_000_000) long priceCents,

            @DefaultValue("2d") @DurationMin(minutes = 5) @DurationMax(days = 60)
            Duration paymentHold,

            @NotEmpty Set<String> teams) {}

    /** A local date and time, {@code yyyy-MM-ddTHH:mm}. */
    public static final String LOCAL_DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}";

    /**
     * An appointment site, its desks and the services (motifs) it offers.
     *
     * @param name the site's name as residents read it, for example "Mairie annexe du Port"
     * @param zone the holiday zone, which decides the public holidays closing the site and its time zone
     * @param hours the weekly opening hours of every desk, by day of the week, each day as comma-separated
     *     {@code HH:mm-HH:mm} windows, for example {@code monday=08:30-12:00,13:30-17:00}
     * @param desks the desks (guichets) by id, each with its name; every desk serves every service
     * @param services the services (motifs) offered, by id
     * @param teams the teams whose agents receive at the site: only they see and handle its appointments
     *     (none by default: no agent does)
     */
    public record Site(
            @NotBlank String name,
            @DefaultValue("metropole") @NotNull HolidayZoneName zone,
            @NotEmpty Map<DayOfWeek, @Pattern(regexp = HOURS) String> hours,
            @NotEmpty Map<@Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}") String, String> desks,
            @NotEmpty Map<@Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}") String, @Valid ServiceDefinition> services,
            @Nullable Set<String> teams) {

        public Set<String> teamsOrEmpty() {
            return teams == null ? Set.of() : teams;
        }
    }

    /** The opening windows of one day. */
    public static final String HOURS =
            "([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9](\\s*,\\s*([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9])*";

    /** The holiday zones, as in {@code org.opengru.scheduling.holiday.HolidayZone}. */
    public enum HolidayZoneName {
        METROPOLE,
        ALSACE_MOSELLE,
        GUADELOUPE,
        MARTINIQUE,
        GUYANE,
        LA_REUNION,
        MAYOTTE,
        SAINT_BARTHELEMY,
        SAINT_MARTIN,
        SAINT_PIERRE_ET_MIQUELON,
        NOUVELLE_CALEDONIE,
        POLYNESIE_FRANCAISE,
        WALLIS_ET_FUTUNA
    }

    /**
     * A service (motif) of a site.
     *
     * @param name the service's name, for example "Passeport"
     * @param duration how long one appointment lasts
     * @param step how often a slot may start, independently of the duration (the duration when unset)
     * @param bufferBefore desk time kept free before each appointment (preparation)
     * @param bufferAfter desk time kept free after each appointment (filing)
     * @param minNotice the shortest delay between now and a bookable slot (délai de prévenance)
     * @param maxHorizon the furthest ahead a slot may start (horizon de réservation)
     * @param agentsOnly whether only agents may book it (at the counter, on the phone)
     * @param antsNumberRequired whether a booking needs an ANTS pre-application number (passport, ID card)
     * @param maxPeople the most people one family or group booking may cover
     * @param maxHolds the most slots one person may hold at once for the service while filling the form
     *     (waiting-list offers included)
     * @param priceCents what one person's appointment costs, in cents, paid online through PayFiP before it is
     *     booked (the slot held meanwhile for {@code gru.scheduling.hold-duration}); 0 (the default): free.
     *     Needs the collectivité's {@code payfip} block, and at least PayFiP's 100 cents
     */
    public record ServiceDefinition(
            @NotBlank String name,
            @DefaultValue("15m") @NotNull Duration duration,
            @Nullable Duration step,
            @DefaultValue("0m") @NotNull Duration bufferBefore,
            @DefaultValue("0m") @NotNull Duration bufferAfter,
            @DefaultValue("0m") @NotNull Duration minNotice,
            @DefaultValue("90d") @NotNull Duration maxHorizon,
            @DefaultValue("false") boolean agentsOnly,
            @DefaultValue("false") boolean antsNumberRequired,
            @DefaultValue("1") @Min(1) @Max(10) int maxPeople,
            @DefaultValue("2") @Min(1) @Max(100) int maxHolds,
            @DefaultValue("0") @Min(0) @Max(9_999_999) long priceCents) {}

    private static <T> @Nullable T or(@Nullable T value, @Nullable T fallback) {
        return value != null ? value : fallback;
    }
}
