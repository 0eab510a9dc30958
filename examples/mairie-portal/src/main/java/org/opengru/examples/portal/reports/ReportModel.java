package org.opengru.examples.portal.reports;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the map's settings ({@code carte}) in the model of the signalement pages: Thymeleaf evaluates the
 * attributes it writes (the map's {@code data-*}) in restricted mode, where a bean cannot be called.
 */
@ControllerAdvice(assignableTypes = {ReportPages.class, AgentReportPages.class})
class ReportModel {

    /** What the map fragment writes in its {@code data-*} attributes. */
    record MapModel(
            @Nullable String tiles, @Nullable String attribution, int maxZoom, String outline, int maxDescription) {}

    private final ReportViews views;

    ReportModel(ReportViews views) {
        this.views = views;
    }

    @ModelAttribute("carte")
    MapModel carte() {
        var map = views.map();
        return new MapModel(
                map.tileUrl(),
                map.attribution(),
                map.maxZoom(),
                views.outline(),
                views.settings().maxDescription());
    }
}
