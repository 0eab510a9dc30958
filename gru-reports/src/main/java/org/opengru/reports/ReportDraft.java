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
 * @param tenant the collectivité
 * @param reporter who reports: a signed-in resident or an e-mail address
 * @param category the category's code, or {@code null} while not chosen
 * @param description what the resident writes, or {@code null}
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

    /**
     * Checks that collectivité, reporter and origin are present; copies the photos.
     *
     * @param tenant the collectivité
     * @param reporter who reports: a signed-in resident or an e-mail address
     * @param origin where the request came from (the client's address), for the {@link FloodGuard}
     * @param category the category's code, or {@code null} while not chosen
     * @param point where the problem is (picked on a map, the device's position, or the photo's suggestion)
     * @param address an address to geocode instead, when no point is given
     * @param description what the resident writes, or {@code null}
     * @param photos the photos' bytes as uploaded
     * @throws NullPointerException naming the missing part
     */
    public ReportDraft {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(origin, "origin");
        photos = List.copyOf(photos);
    }

    /**
     * An empty draft, to fill with the withers.
     *
     * @param tenant the collectivité
     * @param reporter who reports
     * @param origin the client's address, for the flood guard
     * @return the draft
     */
    public static ReportDraft by(TenantId tenant, Reporter reporter, String origin) {
        return new ReportDraft(tenant, reporter, origin, null, null, null, null, List.of());
    }

    /**
     * This draft with a category.
     *
     * @param c the category's code
     * @return the new draft
     */
    public ReportDraft category(String c) {
        return new ReportDraft(tenant, reporter, origin, c, point, address, description, photos);
    }

    /**
     * This draft at a point.
     *
     * @param p the point
     * @return the new draft
     */
    public ReportDraft at(GeoPoint p) {
        return new ReportDraft(tenant, reporter, origin, category, p, address, description, photos);
    }

    /**
     * This draft at an address, to geocode.
     *
     * @param a the address as typed
     * @return the new draft
     */
    public ReportDraft address(String a) {
        return new ReportDraft(tenant, reporter, origin, category, point, a, description, photos);
    }

    /**
     * This draft with a description.
     *
     * @param d the description
     * @return the new draft
     */
    public ReportDraft description(String d) {
        return new ReportDraft(tenant, reporter, origin, category, point, address, d, photos);
    }

    /**
     * This draft with one more photo.
     *
     * @param bytes the photo as uploaded (copied)
     * @return the new draft
     */
    public ReportDraft photo(byte[] bytes) {
        List<byte[]> all = new ArrayList<>(photos);
        all.add(bytes.clone());
        return new ReportDraft(tenant, reporter, origin, category, point, address, description, all);
    }
}
