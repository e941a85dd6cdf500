package cn.nanning.civic.gateway.accounts;

import cn.nanning.civic.common.identity.Role;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/** Demo staff for dev and demos (`./civic up --seed`): one account per staff role, created once. */
@Singleton
@Requires(property = "civic.seed.demo-staff", value = "true")
class DemoStaff {

    static final String DEFAULT_PASSWORD = "Civic-Admin-2025!";
    private static final Logger LOG = LoggerFactory.getLogger(DemoStaff.class);
    /** Nanning city, and Qingxiu district inside it (codes from shared/data/nanning-regions.csv). */
    private static final String CITY = "450100";
    private static final String QINGXIU = "450103";

    private record Demo(String username, String displayName, Set<Role> roles, String region) {
    }

    private static final List<Demo> ACCOUNTS = List.of(
            new Demo("admin", "系统管理员", Set.of(Role.ADMIN), CITY),
            new Demo("clerk", "青秀区代办员", Set.of(Role.CLERK), QINGXIU),
            new Demo("lawyer", "青秀区法援律师", Set.of(Role.LAWYER), QINGXIU),
            new Demo("counsellor", "青秀区心理咨询师", Set.of(Role.COUNSELLOR), QINGXIU),
            new Demo("convener", "青秀区议事会召集人", Set.of(Role.CONVENER), QINGXIU),
            new Demo("organizer", "青秀区志愿活动组织者", Set.of(Role.ORGANIZER), QINGXIU),
            new Demo("auditor", "审计员", Set.of(Role.AUDITOR), CITY));

    private final StaffAccounts staff;
    private final String password;

    DemoStaff(StaffAccounts staff, @Value("${civic.seed.demo-staff-password:" + DEFAULT_PASSWORD + "}") String password) {
        this.staff = staff;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        int created = 0;
        for (Demo demo : ACCOUNTS) {
            if (!staff.exists(demo.username())) {
                staff.create(demo.username(), password, demo.displayName(), demo.roles(), demo.region());
                created++;
            }
        }
        // The contract asks for the dev password in the log; a password from the environment is never printed.
        String shown = DEFAULT_PASSWORD.equals(password) ? password : "(CIVIC_DEMO_STAFF_PASSWORD)";
        LOG.info("Demo staff accounts ready ({} created): {} with password {}", created,
                ACCOUNTS.stream().map(Demo::username).toList(), shown);
    }
}
