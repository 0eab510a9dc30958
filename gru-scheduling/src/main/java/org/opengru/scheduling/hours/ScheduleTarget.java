package org.opengru.scheduling.hours;

import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.internal.Check;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.SiteId;

/** What a schedule or an exception applies to: a whole site, or one resource (desk, agent) of it. */
public record ScheduleTarget(SiteId site, @Nullable ResourceId resource) {

    public ScheduleTarget {
        Check.required("target.site", site);
    }

    public static ScheduleTarget site(SiteId site) {
        return new ScheduleTarget(site, null);
    }

    public static ScheduleTarget resource(SiteId site, ResourceId resource) {
        return new ScheduleTarget(site, Check.required("target.resource", resource));
    }

    /** Whether this target covers the resource (a site target covers all its resources). */
    public boolean covers(ResourceId r) {
        return resource == null || resource.equals(r);
    }
}
