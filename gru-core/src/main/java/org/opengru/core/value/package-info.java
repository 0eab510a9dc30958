/** Validated value types: SIREN, SIRET, RNA, IBAN, e-mail, phone, postal address, COG codes. */
@NullMarked
package org.opengru.core.value;

import org.jspecify.annotations.NullMarked;
