package org.opengru.scheduling.hours;

import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.internal.Check;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.SiteId;

/**
 * What a schedule or an exception applies to: a whole site, or one resource (desk, agent) of it.
 *
 * @param site the site
 * @param resource the desk (guichet)
 */
public record ScheduleTarget(SiteId site, @Nullable ResourceId resource) {

    /**
     * Checks the target.
     *
     * @param site the site
     * @param resource the desk (guichet)
     * @throws org.opengru.core.error.ValidationException when the site is missing
     */
    public ScheduleTarget {
        Check.required("target.site", site);
    }

    /**
     * The whole site, every desk.
     *
     * @param site the site
     * @return the target
     */
    public static ScheduleTarget site(SiteId site) {
        return new ScheduleTarget(site, null);
    }

    /**
     * One desk of the site.
     *
     * @param site the site
     * @param resource the desk
     * @return the target
     * @throws org.opengru.core.error.ValidationException when the desk is missing
     */
    public static ScheduleTarget resource(SiteId site, ResourceId resource) {
        return new ScheduleTarget(site, Check.required("target.resource", resource));
    }

    /**
     * Whether this target covers the resource (a site target covers all its resources).
     *
     * @param r the desk
     * @return {@code true} when it is covered
     */
    public boolean covers(ResourceId r) {
        return resource == null || resource.equals(r);
    }
}
