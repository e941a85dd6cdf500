package cn.nanning.civic.gateway.accounts;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Argon2id with Spring Security's current defaults (16 MiB, 2 iterations), salted per password. */
@Singleton
class Passwords {

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Checked when the username is unknown, so a wrong name costs as much time as a wrong password. */
    private final String decoy = encoder.encode("decoy-password-for-unknown-users");

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    void spendTimeOnDecoy(String password) {
        encoder.matches(password, decoy);
    }
}
