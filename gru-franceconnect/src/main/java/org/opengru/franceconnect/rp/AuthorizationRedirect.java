package org.opengru.franceconnect.rp;

import java.net.URI;
import java.time.Instant;

/**
 * Where to send the browser to sign in.
 *
 * @param uri the provider's authorization URL with every parameter
 * @param expiresAt when the started login stops being accepted
 */
public record AuthorizationRedirect(URI uri, Instant expiresAt) {}
