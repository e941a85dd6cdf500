package cn.nanning.civic.common.identity;

import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

    @Test
    void aStaffMemberScopedToADistrictCoversItsTownshipsAndVillagesOnly() {
        Caller clerk = Caller.from(Authentication.build("a1", List.of("CLERK", "SOMETHING_NEW"),
                Map.of(Claims.KIND, "staff", Claims.REGION, "450103")));
        assertThat(clerk.roles()).containsExactly(Role.CLERK);
        assertThat(clerk.isStaff()).isTrue();
        assertThat(clerk.covers("450103001001")).isTrue();
        assertThat(clerk.covers("450102001003")).isFalse();
    }

    @Test
    void aCityScopeCoversEveryDistrict() {
        Caller admin = Caller.from(Authentication.build("a2", List.of("ADMIN"), Map.of(Claims.KIND, "staff", Claims.REGION, "450100")));
        assertThat(admin.covers("450127100201")).isTrue();
        assertThat(admin.covers("450200")).isFalse();
    }

    @Test
    void aCitizenHasNoRegionScope() {
        Caller citizen = Caller.from(Authentication.build("c1", List.of("CITIZEN"), Map.of()));
        assertThat(citizen.isStaff()).isFalse();
        assertThat(citizen.covers("450103")).isFalse();
    }
}
