/** gru-franceconnect wired for Spring: one relying party per tenant for residents (FranceConnect) and agents (ProConnect), and the API Particulier clients. */
@NullMarked
package org.opengru.spring.franceconnect;

import org.jspecify.annotations.NullMarked;
