package cn.nanning.civic.gateway.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@MappedEntity(value = "staff_account", schema = "identity")
record StaffAccount(@Id UUID id, String username, String passwordHash, String displayName, String roles,
                    String regionCode, boolean enabled, Instant createdAt, @Nullable String totpSecret,
                    boolean totpEnabled, @Nullable Long totpLastStep) {

    List<String> roleList() {
        return Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
    }
}
