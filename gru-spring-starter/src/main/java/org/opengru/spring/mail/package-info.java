/**
 * Each collectivité's e-mail from {@code gru.tenants.<id>.mail}: notifications sent over SMTP with a
 * signed Reply-To, the residents' replies read over IMAP by a clustered job and threaded into their
 * requests, triaged or quarantined.
 */
@NullMarked
package org.opengru.spring.mail;

import org.jspecify.annotations.NullMarked;
