package org.opengru.examples.portal.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a back-office token needs for this API operation. An operation without it is closed to tokens
 * (residents and agents signed in to the portal are checked by the library, not by scopes).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface ApiScope {

    ApiTokens.Scope value();
}
