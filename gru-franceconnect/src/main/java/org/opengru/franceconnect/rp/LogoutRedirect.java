package org.opengru.franceconnect.rp;

import java.net.URI;

/**
 * Where to send the browser to end the FranceConnect session (after ending the local one).
 *
 * @param uri the end-session URL to redirect the browser to
 */
public record LogoutRedirect(URI uri) {}
