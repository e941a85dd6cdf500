package cn.nanning.civic.volunteers.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A volunteer as shown: ID number and phone always masked; the full name and birth date only to the person themself. */
@Serdeable
record VolunteerView(UUID id, String status, String statusLabel, @Nullable String realName, @Nullable String idNumber,
                     @Nullable String phone, @Nullable LocalDate birthDate, @Nullable String sex, @Nullable Integer age,
                     boolean minor, String homeRegion, List<String> skills, @Nullable String availability,
                     @Nullable GuardianView guardian, Instant registeredAt, @Nullable Instant withdrawnAt,
                     List<ConsentView> consents) {

    @Serdeable
    record GuardianView(String name, String phone, String relation) {
    }

    @Serdeable
    record ConsentView(String purpose, String action, String policyVersion, Instant at) {
    }
}
