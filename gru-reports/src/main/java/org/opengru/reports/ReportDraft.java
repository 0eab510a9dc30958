package org.opengru.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.tenancy.TenantId;

/**
 * What a resident sends to report a problem, unchecked: {@link ReportService#file} checks all of it and
 * stores nothing if any part is refused.
 *
 * @param point where the problem is (picked on a map, the device's position, or the photo's suggestion)
 * @param address an address to geocode instead, when no point is given
 * @param photos the photos' bytes as uploaded
 * @param origin where the request came from (the client's address), for the {@link FloodGuard}
 */
public record ReportDraft(
        TenantId tenant,
        Reporter reporter,
        String origin,
        @Nullable String category,
        @Nullable GeoPoint point,
        @Nullable String address,
        @Nullable String description,
        List<byte[]> photos) {

    public ReportDraft {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(origin, "origin");
        photos = List.copyOf(photos);
    }

    /** An empty draft, to fill with the withers. */
    public static ReportDraft by(TenantId tenant, Reporter reporter, String origin) {
        return new ReportDraft(tenant, reporter, origin, null, null, null, null, List.of());
    }

    public ReportDraft category(String c) {
        return new ReportDraft(tenant, reporter, origin, c, point, address, description, photos);
    }

    public ReportDraft at(GeoPoint p) {
        return new ReportDraft(tenant, reporter, origin, category, p, address, description, photos);
    }

    public ReportDraft address(String a) {
        return new ReportDraft(tenant, reporter, origin, category, point, a, description, photos);
    }

    public ReportDraft description(String d) {
        return new ReportDraft(tenant, reporter, origin, category, point, address, d, photos);
    }

    public ReportDraft photo(byte[] bytes) {
        List<byte[]> all = new ArrayList<>(photos);
        all.add(bytes.clone());
        return new ReportDraft(tenant, reporter, origin, category, point, address, description, all);
    }
}
