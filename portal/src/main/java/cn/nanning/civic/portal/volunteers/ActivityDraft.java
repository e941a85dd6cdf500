package cn.nanning.civic.portal.volunteers;

import cn.nanning.civic.portal.gateway.Missing;
import cn.nanning.civic.portal.ui.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDateTime;
import java.util.List;

/** The activity form's data while the organiser fills it in (bound field by field with a Binder). */
public final class ActivityDraft {

    private String title = "";
    private String description = "";
    private String regionCode;
    private String place = "";
    private LocalDateTime startsAt;
    private LocalDateTime endsAt;
    private Integer plannedMinutes;
    private Integer capacity;
    private boolean suitableForMinors;

    /** What the activities API takes. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String title, @Nullable String description, String regionCode, String place, String startsAt, String endsAt,
                       Integer plannedMinutes, Integer capacity, List<String> requiredSkills, boolean suitableForMinors) {
        public Body {
            requiredSkills = Missing.orEmpty(requiredSkills);
        }
    }

    static ActivityDraft of(VolunteersClient.Activity a) {
        ActivityDraft d = new ActivityDraft();
        d.title = a.title();
        d.description = a.description() == null ? "" : a.description();
        d.regionCode = a.regionCode();
        d.place = a.place();
        d.startsAt = a.startsAt() == null ? null : LocalDateTime.ofInstant(a.startsAt(), Times.NANNING);
        d.endsAt = a.endsAt() == null ? null : LocalDateTime.ofInstant(a.endsAt(), Times.NANNING);
        d.plannedMinutes = a.plannedMinutes();
        d.capacity = a.capacity();
        d.suitableForMinors = Boolean.TRUE.equals(a.suitableForMinors());
        return d;
    }

    Body body() {
        return new Body(title.strip(), description == null || description.isBlank() ? null : description.strip(), regionCode,
                place.strip(), startsAt.atZone(Times.NANNING).toInstant().toString(), endsAt.atZone(Times.NANNING).toInstant().toString(),
                plannedMinutes, capacity, List.of(), suitableForMinors);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalDateTime endsAt) {
        this.endsAt = endsAt;
    }

    public Integer getPlannedMinutes() {
        return plannedMinutes;
    }

    public void setPlannedMinutes(Integer plannedMinutes) {
        this.plannedMinutes = plannedMinutes;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public boolean isSuitableForMinors() {
        return suitableForMinors;
    }

    public void setSuitableForMinors(boolean suitableForMinors) {
        this.suitableForMinors = suitableForMinors;
    }
}
