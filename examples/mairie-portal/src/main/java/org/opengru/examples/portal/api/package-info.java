/** The JSON REST API (OpenAPI at /v3/api-docs): the same operations as the pages, for apps and the logiciel métier. */
@NullMarked
package org.opengru.examples.portal.api;

import org.jspecify.annotations.NullMarked;
