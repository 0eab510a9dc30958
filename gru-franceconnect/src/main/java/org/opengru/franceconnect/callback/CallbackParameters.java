package org.opengru.franceconnect.callback;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of the authorization callback, and the browser binding read from the cookie
 * set at {@code startLogin} (see {@link org.opengru.franceconnect.rp.AuthorizationRedirect#browserBinding()}).
 *
 * @param code the authorization code, or {@code null} on an error answer
 * @param state the state sent with the login
 * @param iss the issuer the provider names (RFC 9207), or {@code null}
 * @param error the OAuth error code, or {@code null}
 * @param errorDescription the provider's description of the error, or {@code null}
 * @param browserBinding the secret of the login cookie, or {@code null} when the browser sent none
 */
public record CallbackParameters(
        @Nullable String code,
        @Nullable String state,
        @Nullable String iss,
        @Nullable String error,
        @Nullable String errorDescription,
        @Nullable String browserBinding) {

    /**
     * Without browser binding: such a callback fails the state check (login CSRF defence).
     *
     * @param code the authorization code, or {@code null} on an error answer
     * @param state the state sent with the login
     * @param iss the issuer the provider names (RFC 9207), or {@code null}
     * @param error the OAuth error code, or {@code null}
     * @param errorDescription the provider's description of the error, or {@code null}
     */
    public CallbackParameters(
            @Nullable String code,
            @Nullable String state,
            @Nullable String iss,
            @Nullable String error,
            @Nullable String errorDescription) {
        this(code, state, iss, error, errorDescription, null);
    }

    /**
     * The same parameters with the browser binding read from the login cookie.
     *
     * @param binding the cookie's value, or {@code null} when the browser sent none
     * @return a copy with that binding
     */
    public CallbackParameters withBrowserBinding(@Nullable String binding) {
        return new CallbackParameters(code, state, iss, error, errorDescription, binding);
    }

    /**
     * From a parameter map (first value of each). A repeated parameter is refused as ambiguous.
     *
     * @param params the callback's parameters
     * @return the parameters, without browser binding
     */
    public static CallbackParameters of(Map<String, String> params) {
        return new CallbackParameters(
                params.get("code"),
                params.get("state"),
                params.get("iss"),
                params.get("error"),
                params.get("error_description"));
    }

    /**
     * From the callback URL's raw query.
     *
     * @param rawQuery the query, still URL-encoded, or {@code null}
     * @return the parameters, without browser binding
     */
    public static CallbackParameters fromQuery(@Nullable String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name;
                String value;
                try {
                    name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new InvalidStateException("callback query is not URL-encoded");
                }
                if (params.putIfAbsent(name, value) != null) {
                    throw new InvalidStateException("callback parameter '" + name + "' is repeated");
                }
            }
        }
        return of(params);
    }

    /**
     * From the callback URL itself.
     *
     * @param uri the address the provider redirected the browser to
     * @return the parameters of its query, without browser binding
     */
    public static CallbackParameters fromUri(URI uri) {
        return fromQuery(uri.getRawQuery());
    }

    @Override
    public String toString() {
        return "CallbackParameters[code=" + (code == null ? "-" : "***") + ", iss=" + iss + ", error=" + error + "]";
    }
}
