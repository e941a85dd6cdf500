package cn.nanning.civic.volunteers.registration;

import cn.nanning.civic.volunteers.VolunteersSettings;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The personal-information notice a volunteer registration accepts, in the version registrations must name
 * ({@code civic.volunteers.consent-policy-version}); the text is {@code volunteers/consent-policy-<version>.txt}.
 */
@Controller("/api/v1/volunteers/consent-policy")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "volunteers", description = "志愿者")
class ConsentPolicyController {

    private final ConsentPolicy policy;

    ConsentPolicyController(VolunteersSettings settings) {
        String version = settings.consentPolicyVersion();
        String resource = "volunteers/consent-policy-" + version + ".txt";
        try (InputStream in = ConsentPolicyController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No text for consent policy version " + version + " (" + resource + ")");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            this.policy = new ConsentPolicy(version, text.lines().findFirst().orElse(""), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The notice: its version (send it back as consentPolicyVersion), title and full text. */
    @Serdeable
    record ConsentPolicy(String version, String title, String text) {
    }

    @Get
    @Operation(summary = "志愿者个人信息处理规则", description = "注册前展示的规则全文与版本号；注册时 consentPolicyVersion 须为此版本。")
    ConsentPolicy policy() {
        return policy;
    }
}
