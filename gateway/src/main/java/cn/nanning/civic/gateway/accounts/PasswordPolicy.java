package cn.nanning.civic.gateway.accounts;

import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Staff passwords: at least 12 characters (ASVS 2.1.1), not one of the common passwords shipped in
 * {@code passwords/common-passwords.txt} (compared without regard to case). No composition rules (ASVS 2.1.9).
 */
@Singleton
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final String LIST = "passwords/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.common = Set.copyOf(words);
    }

    /** Why the password is refused, in Chinese for the person choosing it; empty when it is acceptable. */
    Optional<String> violation(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("密码至少需要 " + MIN_LENGTH + " 个字符。");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("密码不能超过 " + MAX_LENGTH + " 个字符。");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("该密码过于常见，容易被猜中，请换一个。");
        }
        return Optional.empty();
    }
}
