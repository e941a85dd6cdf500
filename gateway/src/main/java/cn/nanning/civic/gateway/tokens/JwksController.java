package cn.nanning.civic.gateway.tokens;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The public halves of the token signing keys (RFC 7517), for services and search to verify access tokens themselves.
 * Not under /api/v1/auth, whose strict sign-in rate limit must not starve the verifiers.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "登录")
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @Get(uri = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "令牌签名公钥（JWKS）")
    HttpResponse<String> jwks() {
        // Short cache: verifiers must see a new key within minutes of a rotation.
        return HttpResponse.ok(keys.publicKeys().toString(true)).header("Cache-Control", "public, max-age=60");
    }
}
