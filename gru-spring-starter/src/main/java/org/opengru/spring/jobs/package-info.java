/**
 * The background jobs (outbox relay, deadline sweeper, retention, expired holds, login flows, files of
 * ended requests) on a scheduler the host can turn off.
 */
@NullMarked
package org.opengru.spring.jobs;

import org.jspecify.annotations.NullMarked;
