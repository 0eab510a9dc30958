package org.opengru.examples.portal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the commune's settings in every page's model, as {@code portal}. */
@ControllerAdvice
class PortalModel {

    private final PortalSettings settings;

    PortalModel(PortalSettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("portal")
    PortalSettings portal() {
        return settings;
    }
}
