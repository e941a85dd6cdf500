package cn.nanning.civic.gateway.tokens;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

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
    private final SharedRevokedSessions revoked;

    JwksController(SigningKeys keys, SharedRevokedSessions revoked) {
        this.keys = keys;
        this.revoked = revoked;
    }

    @Get(uri = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "令牌签名公钥（JWKS）")
    HttpResponse<String> jwks() {
        // Short cache: verifiers must see a new key within minutes of a rotation.
        return HttpResponse.ok(keys.publicKeys().toString(true)).header("Cache-Control", "public, max-age=60");
    }

    /**
     * The sign-ins whose unexpired access tokens must be refused (logout, disabled account, role change, reused refresh
     * token), for services and search, which poll it every few seconds. Session ids are random and name no one: the
     * list tells a reader nothing about any account.
     */
    @Get(uri = "/.well-known/revoked-sessions", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "已吊销的登录会话", description = "服务与检索每隔数秒读取一次，拒绝这些会话仍未过期的访问令牌。")
    HttpResponse<RevokedSessionList> revokedSessions() {
        return HttpResponse.ok(new RevokedSessionList(List.copyOf(revoked.current()))).header("Cache-Control", "no-store");
    }

    @Serdeable
    record RevokedSessionList(List<String> sessions) {
    }
}
