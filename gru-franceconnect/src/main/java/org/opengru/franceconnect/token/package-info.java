/** ID token and userinfo validation, one typed exception per refused attack. */
@NullMarked
package org.opengru.franceconnect.token;

import org.jspecify.annotations.NullMarked;
