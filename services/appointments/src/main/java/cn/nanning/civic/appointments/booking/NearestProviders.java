package cn.nanning.civic.appointments.booking;

import cn.nanning.civic.appointments.calendar.AppointmentClock;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Who can see me soonest near here": lawyers or counsellors ranked by how close their place is — by the phone's
 * position when the citizen shares it and the place has coordinates, otherwise by the region (my village, my
 * township, my district, the city) — each with the next free slot, so the phone needs one call instead of one per
 * provider.
 */
@Singleton
public class NearestProviders {

    /** At most this many providers are answered. */
    public static final int MAX_LIMIT = 20;
    /** Next free slots are looked for this far ahead (or the provider's horizon if shorter). */
    private static final int LOOKAHEAD_DAYS = 30;
    private static final String CITY = "4501";

    /** How near a place is to the citizen's area, nearest first. */
    enum Proximity {
        VILLAGE("本村（社区）"), TOWNSHIP("本乡镇（街道）"), DISTRICT("本县（区）"), CITY("南宁市内");

        final String label;

        Proximity(String label) {
            this.label = label;
        }

        static Proximity of(String placeRegion, String near) {
            if (near.length() >= 12 && placeRegion.startsWith(near.substring(0, 12))) {
                return VILLAGE;
            }
            if (near.length() >= 9 && placeRegion.startsWith(near.substring(0, 9))) {
                return TOWNSHIP;
            }
            if (placeRegion.startsWith(near.substring(0, 6))) {
                return DISTRICT;
            }
            return CITY;
        }
    }

    private final Directory directory;
    private final Bookings bookings;
    private final AppointmentClock clock;

    NearestProviders(Directory directory, Bookings bookings, AppointmentClock clock) {
        this.directory = directory;
        this.bookings = bookings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Views.NearbyProvider> find(ProviderKind kind, String near, @Nullable Double latitude, @Nullable Double longitude,
                                          int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "条数须在 1 到 " + MAX_LIMIT + " 之间。");
        }
        String area = near == null ? "" : near.strip();
        if (!RegionCodes.isAreaCode(area) || area.length() < 6 || !area.startsWith(CITY)) {
            throw ProblemException.invalidField("near", "请提供南宁市的 6、9 或 12 位区划代码（我的村、社区或所在地区）。");
        }
        if ((latitude == null) != (longitude == null)) {
            throw ProblemException.invalidField(latitude == null ? "latitude" : "longitude", "请同时提供纬度和经度。");
        }
        // The district first; the whole city when the district alone has too few.
        List<Provider> candidates = directory.providers(kind, area.substring(0, 6));
        if (candidates.size() < limit) {
            candidates = directory.providers(kind, CITY);
        }
        Map<UUID, Place> places = new HashMap<>();
        List<Ranked> ranked = new ArrayList<>();
        for (Provider p : candidates) {
            Place place = places.computeIfAbsent(p.placeId(), directory::place);
            Double km = latitude != null && place.latitude() != null
                    ? kilometres(latitude, longitude, place.latitude(), place.longitude()) : null;
            ranked.add(new Ranked(p, place, Proximity.of(place.regionCode(), area), km));
        }
        Comparator<Ranked> nearness = Comparator.comparing((Ranked r) -> r.km() == null)
                .thenComparing(r -> r.km() == null ? 0 : r.km())
                .thenComparing(Ranked::proximity);
        ranked.sort(nearness.thenComparing(r -> r.provider().displayName()));
        // Slots are worked out only for the nearest few: among equally near providers the one free soonest comes first.
        LocalDate today = clock.today();
        List<Views.NearbyProvider> answer = new ArrayList<>();
        List<Ranked> nearest = ranked.subList(0, Math.min(ranked.size(), limit * 2));
        Map<UUID, Views.SlotView> next = new HashMap<>();
        for (Ranked r : nearest) {
            int days = Math.min(LOOKAHEAD_DAYS, Math.max(r.provider().horizonDays(), 0));
            List<Views.SlotView> slots = bookings.availableSlots(r.provider().id(), today, today.plusDays(days));
            if (!slots.isEmpty()) {
                next.put(r.provider().id(), slots.get(0));
            }
        }
        List<Ranked> ordered = new ArrayList<>(nearest);
        ordered.sort(Comparator.comparing((Ranked r) -> r.km() == null ? r.proximity().ordinal() : 0)
                .thenComparing(r -> r.km() == null ? 0 : Math.round(r.km()))
                .thenComparing(r -> next.containsKey(r.provider().id()) ? next.get(r.provider().id()).startsAt() : "\uffff")
                .thenComparing(r -> r.provider().displayName()));
        for (Ranked r : ordered.subList(0, Math.min(ordered.size(), limit))) {
            Provider p = r.provider();
            answer.add(new Views.NearbyProvider(p.id(), p.displayName(), p.kind().name(), p.kind().label(), p.kind().service().name(),
                    directory.view(r.place()), r.proximity().name(), r.proximity().label,
                    r.km() == null ? null : Math.round(r.km() * 10) / 10.0, next.get(p.id())));
        }
        return answer;
    }

    private record Ranked(Provider provider, Place place, Proximity proximity, @Nullable Double km) {
    }

    /** Great-circle distance in kilometres (haversine; plenty for "which station is closer" within a city). */
    static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
