package org.opengru.spring.security;

import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.franceconnect.rp.FranceConnectLogin;

/**
 * Finds or creates the gru-core usager of a FranceConnect sign-in. The default recognises a linked
 * account and otherwise creates the usager from the certified identité pivot (gru-franceconnect's
 * {@code UsagerLinker}); it never reconciles on the e-mail address. Define a bean to ask the resident to
 * confirm a link to an existing usager instead.
 */
@FunctionalInterface
public interface UsagerResolver {

    UsagerPrincipal resolve(TenantId tenant, FranceConnectLogin login);
}
