package org.opengru.franceconnect.rp;

import java.net.URI;

/** Where to send the browser to end the FranceConnect session (after ending the local one). */
public record LogoutRedirect(URI uri) {}
