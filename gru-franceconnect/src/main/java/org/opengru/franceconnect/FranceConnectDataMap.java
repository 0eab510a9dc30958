package org.opengru.franceconnect;

import static org.opengru.core.rgpd.DataMap.Content.PSEUDONYMOUS;
import static org.opengru.core.rgpd.DataMap.Content.TECHNICAL;
import static org.opengru.core.rgpd.DataMap.column;

import java.util.List;
import org.opengru.core.rgpd.DataMap;

/** gru-franceconnect's share of the {@link DataMap}: the tables of {@code classpath:db/opengru/franceconnect}. */
public final class FranceConnectDataMap {

    private static final String MODULE = "gru-franceconnect";
    private static final String FLOW = "untouched: a sign-in in progress, gone when it expires (minutes)";

    private FranceConnectDataMap() {}

    /**
     * The personal-data map of gru-franceconnect's tables: what each column holds, how long it is kept, what
     * the RGPD purge, erasure and subject access export do with it (docs/rgpd.md is generated from it).
     *
     * @return the tables of {@code classpath:db/opengru/franceconnect}, one entry per table
     */
    public static DataMap map() {
        return new DataMap(List.of(
                DataMap.table(
                        MODULE,
                        "franceconnect_pending_login",
                        "a sign-in in progress (state, nonce, PKCE verifier)",
                        "until used or expired (minutes)",
                        FLOW,
                        FLOW,
                        "not exported: protocol values",
                        column("state", TECHNICAL, "the OpenID state"),
                        column("nonce", TECHNICAL, "the OpenID nonce"),
                        column("code_verifier", TECHNICAL, "the PKCE verifier"),
                        column("acr", TECHNICAL, "the eIDAS level asked"),
                        column("return_to", TECHNICAL, "the page to return to (a path of the portal)"),
                        column("browser_binding_hash", TECHNICAL, "the hash binding the flow to the browser")),
                DataMap.table(
                        MODULE,
                        "franceconnect_used_nonce",
                        "nonces already used (replay protection)",
                        "until the ID token could no longer be valid",
                        FLOW,
                        FLOW,
                        "not exported: protocol values",
                        column("nonce", TECHNICAL, "the nonce")),
                DataMap.table(
                        MODULE,
                        "franceconnect_pending_logout",
                        "a sign-out in progress",
                        "until used or expired (minutes)",
                        FLOW,
                        FLOW,
                        "not exported: protocol values",
                        column("state", TECHNICAL, "the OpenID state")),
                DataMap.table(
                        MODULE,
                        "franceconnect_account_link",
                        "which FranceConnect or ProConnect identity signs in as which usager",
                        "as long as the usager's identity",
                        "untouched: the link follows the identity, not a request",
                        "deleted once the identity is erased",
                        "franceconnect",
                        column("subject", PSEUDONYMOUS, "the provider's pseudonymous subject (sub)"),
                        column("usager_id", PSEUDONYMOUS, "the usager"),
                        column("confirmed_by", PSEUDONYMOUS, "who confirmed the link"),
                        column("issuer", TECHNICAL, "the provider"),
                        column("basis", TECHNICAL, "how the link was made")),
                DataMap.table(
                        MODULE,
                        "franceconnect_api_particulier_rate",
                        "the next free API Particulier send slot of each token (rate limit shared by the nodes)",
                        "one row per token, overwritten at each call",
                        "untouched: no person in it",
                        "untouched: no person in it",
                        "not exported: no personal data",
                        column("token_hash", TECHNICAL, "the SHA-256 of the commune's API token, never the token"))));
    }
}
