package cn.nanning.civic.gateway.profile;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** The stored row: name and ID number only encrypted, with the consent they were saved under. */
@MappedEntity(value = "citizen_profile", schema = "identity")
record CitizenProfile(@Id UUID accountId, String nameEnc, String idNumberEnc, String idNumberIndex, String consentVersion,
                      Instant consentedAt, Instant updatedAt) {
}
