package org.opengru.examples.portal.signin;

import java.net.URI;
import org.opengru.core.GruCore;
import org.opengru.franceconnect.link.InMemoryAccountLinkStore;
import org.opengru.franceconnect.link.UsagerLinker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

    /** Outside the demo: the real FranceConnect platform given by properties. */
    @Bean
    @Profile("!demo")
    IdentityProviderLocation franceConnect(
            @Value("${portal.franceconnect.issuer:https://fcp-low.sbx.dev-franceconnect.fr/api/v2}") URI issuer,
            @Value("${portal.franceconnect.client-id:}") String clientId,
            @Value("${portal.franceconnect.client-secret:}") String clientSecret) {
        return new IdentityProviderLocation() {
            @Override
            public URI issuer() {
                return issuer;
            }

            @Override
            public String clientId() {
                return clientId;
            }

            @Override
            public String clientSecret() {
                return clientSecret;
            }
        };
    }

    /**
     * Links FranceConnect accounts to usagers. The links are kept in memory like the portal's usager
     * directory (a real installation keeps both in PostgreSQL: {@code PostgresAccountLinkStore}).
     */
    @Bean
    UsagerLinker usagerLinker(GruCore core) {
        return new UsagerLinker(core.usagers(), new InMemoryAccountLinkStore(), core.ids(), core.clock());
    }
}
