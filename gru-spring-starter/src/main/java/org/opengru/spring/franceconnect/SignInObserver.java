package org.opengru.spring.franceconnect;

/**
 * Told of every completed or refused sign-in callback (for metrics or alerting). Define beans of this
 * type; must not throw.
 */
public interface SignInObserver {

    /**
     * @param side {@code resident} (FranceConnect) or {@code agent} (ProConnect)
     * @param tenant the tenant id, or {@code unknown}
     * @param outcome {@code success}, the provider's error code (such as {@code access_denied}: the resident
     *     cancelled) or the name of the refused check (such as {@code InvalidStateException})
     */
    void attempted(String side, String tenant, String outcome);
}
