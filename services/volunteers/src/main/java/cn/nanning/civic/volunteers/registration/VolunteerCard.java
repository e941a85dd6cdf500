package cn.nanning.civic.volunteers.registration;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the module's other concepts may know about an active volunteer: no ID number, no phone, a masked name. */
public record VolunteerCard(UUID id, String accountId, String maskedName, LocalDate birthDate, String homeRegion, List<String> skills) {

    public int ageOn(LocalDate day) {
        return java.time.Period.between(birthDate, day).getYears();
    }
}
