/**
 * Checks of OpenGRU's own settings ({@code gru.*}) before anything is built: an unknown key names the
 * nearest valid one, and a key whose value refers to an environment variable that is not set says so.
 */
@NullMarked
package org.opengru.spring.config;

import org.jspecify.annotations.NullMarked;
