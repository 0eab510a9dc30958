package org.opengru.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.opengru.core.catalogue.geocoding.AddressGeocoder;
import org.opengru.core.catalogue.geocoding.GeocodedAddress;
import org.opengru.core.catalogue.geocoding.GeocoderUnavailableException;
import org.opengru.core.id.TeamId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.storage.BlobUpload;
import org.opengru.test.MutableClock;

/**
 * A commune of a few streets around (48.85, 2.35): two zones (nord, sud), two categories, the e-mails and
 * notices sent recorded, photos made on the fly.
 */
public final class ReportsFixture {

    public static final TenantId TENANT = TenantId.of("commune-test");
    public static final TeamId VOIRIE = TeamId.of("voirie");
    public static final TeamId PROPRETE_NORD = TeamId.of("proprete-nord");
    public static final TeamId ACCUEIL = TeamId.of("accueil");
    /** The middle of the commune, in zone sud. */
    public static final GeoPoint CENTRE = new GeoPoint(48.85, 2.35);
    /** In zone nord. */
    public static final GeoPoint NORD = new GeoPoint(48.86, 2.35);
    /** Outside the commune. */
    public static final GeoPoint AILLEURS = new GeoPoint(45.76, 4.84);

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    public final ReportStore store;
    public final LiveBlobs blobs = new LiveBlobs(BlobStore.inMemory());
    public final List<Mail> mails = new CopyOnWriteArrayList<>();
    public final List<ReportNotice> notices = new CopyOnWriteArrayList<>();
    public final Map<String, GeocodedAddress> addresses = new ConcurrentHashMap<>();
    public final ReportService service;

    /** An e-mail sent to a follower without an account. */
    public record Mail(EmailAddress to, ReportId report, String token, ReportNotice notice) {}

    public ReportsFixture(ReportStore store, boolean anonymousAllowed, FloodGuard guard) {
        this.store = store;
        addresses.put(
                "3 rue de la Paix",
                new GeocodedAddress(
                        "3 Rue de la Paix 75002 Paris",
                        "3",
                        "Rue de la Paix",
                        "75002",
                        "75102",
                        "Paris",
                        0.9,
                        "housenumber",
                        48.851,
                        2.351));
        AddressGeocoder geocoder = q -> {
            if (q.text().contains("panne")) { // the Base Adresse Nationale does not answer
                throw new GeocoderUnavailableException(GeocoderUnavailableException.Reason.TIMEOUT, "timed out");
            }
            return addresses.containsKey(q.text()) ? List.of(addresses.get(q.text())) : List.of();
        };
        FollowerMailer mailer = new FollowerMailer() {
            @Override
            public void sendVerification(
                    TenantId tenant, EmailAddress to, ReportId report, String token, Instant expiresAt) {
                mails.add(new Mail(to, report, token, null));
            }

            @Override
            public void sendStatus(TenantId tenant, EmailAddress to, ReportNotice notice) {
                mails.add(new Mail(to, notice.report(), null, notice));
            }
        };
        this.service = ReportService.builder(clock, store, blobs, notices::add, mailer)
                .settings(settings(anonymousAllowed))
                .geocoder(geocoder)
                .floodGuard(guard)
                .build();
    }

    public ReportsFixture(ReportStore store) {
        this(store, true, FloodGuard.unlimited());
    }

    public static ReportSettings settings(boolean anonymousAllowed) {
        return ReportSettings.builder(TENANT, square(48.84, 2.34, 48.87, 2.36), ACCUEIL)
                .category("depot-sauvage", "Dépôt sauvage")
                .category("eclairage", "Éclairage public")
                .zone(new Zone("nord", "Quartier nord", square(48.855, 2.34, 48.87, 2.36)))
                .zone(new Zone("sud", "Quartier sud", square(48.84, 2.34, 48.855, 2.36)))
                .route("eclairage", null, VOIRIE)
                .route("depot-sauvage", "nord", PROPRETE_NORD)
                .anonymousAllowed(anonymousAllowed)
                .duplicateRadiusMetres(50)
                .build();
    }

    public static Area square(double south, double west, double north, double east) {
        return Area.polygon(List.of(
                new GeoPoint(south, west),
                new GeoPoint(south, east),
                new GeoPoint(north, east),
                new GeoPoint(north, west)));
    }

    /** A point {@code metres} north of {@code p}. */
    public static GeoPoint north(GeoPoint p, double metres) {
        return new GeoPoint(p.lat() + metres / 111_195.0, p.lon());
    }

    /** A blob store that knows which blobs are committed and not deleted. */
    public static final class LiveBlobs implements BlobStore {
        private final BlobStore delegate;
        public final java.util.Set<BlobKey> live = ConcurrentHashMap.newKeySet();

        LiveBlobs(BlobStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public BlobUpload create(BlobKey key) {
            BlobUpload u = delegate.create(key);
            return new BlobUpload() {
                @Override
                public BlobKey key() {
                    return u.key();
                }

                @Override
                public java.io.OutputStream stream() {
                    return u.stream();
                }

                @Override
                public void commit() {
                    u.commit();
                    live.add(key);
                }

                @Override
                public void abort() {
                    u.abort();
                }

                @Override
                public void close() {
                    u.close();
                }
            };
        }

        @Override
        public java.io.InputStream open(BlobKey key) {
            return delegate.open(key);
        }

        @Override
        public boolean exists(BlobKey key) {
            return delegate.exists(key);
        }

        @Override
        public boolean delete(BlobKey key) {
            live.remove(key);
            return delegate.delete(key);
        }

        public byte[] read(BlobKey key) {
            try (java.io.InputStream in = open(key)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public ReportDraft draft(Reporter reporter) {
        return ReportDraft.by(TENANT, reporter, "203.0.113.7")
                .category("depot-sauvage")
                .at(CENTRE)
                .description("Des sacs de gravats au pied de l'arbre.");
    }

    /** Every report stored, filed or waiting for its e-mail. */
    public int storedCount() {
        java.util.Set<ReportId> ids = new java.util.HashSet<>();
        store.list(new ReportQuery(TENANT, null, null, null, 1000)).forEach(r -> ids.add(r.id()));
        store.withExpiredTokens(TENANT, Instant.MAX, 1000).forEach(r -> ids.add(r.id()));
        return ids.size();
    }

    public List<String> verificationTokens() {
        List<String> out = new ArrayList<>();
        mails.stream().filter(m -> m.token() != null).forEach(m -> out.add(m.token()));
        return out;
    }

    /** A small JPEG, with EXIF (GPS at {@code gps} when given, and the text in the image description). */
    public static byte[] jpeg(GeoPoint gps, String description) {
        try {
            byte[] plain = plainJpeg();
            TiffOutputSet exif = new TiffOutputSet();
            if (gps != null) {
                exif.setGpsInDegrees(gps.lon(), gps.lat());
            }
            if (description != null) {
                TiffOutputDirectory root = exif.getOrCreateRootDirectory();
                root.add(TiffTagConstants.TIFF_TAG_IMAGE_DESCRIPTION, description);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(plain, out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] plainJpeg() {
        return image("jpg");
    }

    public static byte[] png() {
        return image("png");
    }

    private static byte[] image(String format) {
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(4, 4, 20, 12);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
