package cn.nanning.civic.volunteers.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A volunteer as stored: name, ID number, phone and guardian contact are ciphertexts. */
record VolunteerRow(UUID id, String accountId, String idBlindIndex, String realName, String idNumber, String phone,
                    LocalDate birthDate, String sex, String homeRegion, List<String> skills, String availability,
                    String guardianName, String guardianPhone, String guardianRelation, String status,
                    Instant registeredAt, Instant withdrawnAt) {

    static final String ACTIVE = "ACTIVE";
    static final String CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN";

    boolean active() {
        return ACTIVE.equals(status);
    }
}
