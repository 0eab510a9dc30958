package org.opengru.examples.portal.signin;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.opengru.franceconnect.flow.InMemoryLoginFlowStore;
import org.opengru.franceconnect.flow.LoginFlowStore;
import org.opengru.franceconnect.rp.ClientAuthentication;
import org.opengru.franceconnect.rp.ProviderKind;
import org.opengru.franceconnect.rp.RelyingParty;
import org.opengru.franceconnect.rp.RelyingPartyConfig;
import org.opengru.franceconnect.rp.UserInfoFormat;
import org.springframework.stereotype.Component;

/**
 * The portal's FranceConnect relying party (gru-franceconnect), built on first use for the address the
 * portal is reached at: the redirect URI must be the one registered with the provider.
 */
@Component
public class FranceConnectGateway {

    public static final String CALLBACK = "/connexion/franceconnect/retour";
    public static final String LOGGED_OUT = "/deconnexion/retour";

    private final IdentityProviderLocation provider;
    private final Clock clock;
    private final LoginFlowStore flows = new InMemoryLoginFlowStore();
    private final ConcurrentMap<URI, RelyingParty> parties = new ConcurrentHashMap<>();

    public FranceConnectGateway(IdentityProviderLocation provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    public RelyingParty relyingParty(URI portalBase) {
        return parties.computeIfAbsent(
                portalBase,
                base -> RelyingParty.builder(config(base))
                        .store(flows)
                        .clock(clock)
                        .build());
    }

    private RelyingPartyConfig config(URI base) {
        return RelyingPartyConfig.builder("commune-45000")
                .provider(ProviderKind.FRANCECONNECT, provider.issuer())
                .clientId(provider.clientId())
                .clientAuthentication(ClientAuthentication.clientSecretPost(provider.clientSecret()))
                .redirectUri(base.resolve(CALLBACK))
                .postLogoutRedirectUri(base.resolve(LOGGED_OUT))
                .scopes(
                        "openid",
                        "given_name",
                        "family_name",
                        "birthdate",
                        "gender",
                        "birthplace",
                        "birthcountry",
                        "email",
                        "preferred_username")
                // The demo provider answers userinfo in plain JSON; the real FranceConnect signs it (JWT).
                .userInfoFormat(
                        provider.issuer().getHost().equals("localhost")
                                        || provider.issuer().getHost().startsWith("127.")
                                ? UserInfoFormat.PLAIN_JSON
                                : UserInfoFormat.SIGNED_JWT)
                .build();
    }
}
