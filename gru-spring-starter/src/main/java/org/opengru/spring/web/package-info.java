/**
 * What a host's JSON API returns when OpenGRU refuses a call: RFC 9457 problem details with a stable code
 * and a French message ({@link org.opengru.spring.web.GruProblems}).
 */
@NullMarked
package org.opengru.spring.web;

import org.jspecify.annotations.NullMarked;
