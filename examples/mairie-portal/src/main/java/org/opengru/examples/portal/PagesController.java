package org.opengru.examples.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public pages that every commune site must have (RGAA: accessibility statement, site map). */
@Controller
class PagesController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/accessibilite")
    String accessibility() {
        return "accessibilite";
    }

    @GetMapping("/plan-du-site")
    String siteMap() {
        return "plan-du-site";
    }

    @GetMapping("/mentions-legales")
    String legal() {
        return "mentions-legales";
    }
}
