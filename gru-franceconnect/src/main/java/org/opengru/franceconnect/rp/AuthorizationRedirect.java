package org.opengru.franceconnect.rp;

import java.net.URI;
import java.time.Instant;

/**
 * Where to send the browser to sign in, and the secret that binds the login to this browser.
 *
 * @param uri the provider's authorization URL with every parameter
 * @param expiresAt when the started login stops being accepted
 * @param browserBinding set it in a cookie ({@code HttpOnly; Secure; SameSite=Lax}, path of the
 *     callback, until {@code expiresAt}) and pass it back with {@link
 *     org.opengru.franceconnect.callback.CallbackParameters#withBrowserBinding}: a callback carrying a
 *     state started in another browser is refused (login CSRF)
 */
public record AuthorizationRedirect(URI uri, Instant expiresAt, String browserBinding) {
    @Override
    public String toString() {
        return "AuthorizationRedirect[uri=" + uri + ", expiresAt=" + expiresAt + ", browserBinding=***]";
    }
}
