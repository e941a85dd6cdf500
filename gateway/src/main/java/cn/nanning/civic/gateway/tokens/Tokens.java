package cn.nanning.civic.gateway.tokens;

import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.gateway.audit.AuditLog;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues signed access tokens and opaque refresh tokens. Refresh tokens are kept only as hashes, rotate on every use,
 * and a rotated token presented again revokes its whole sign-in (someone else holds a copy).
 */
@Singleton
public class Tokens {

    private static final Logger LOG = LoggerFactory.getLogger(Tokens.class);
    private static final String INVALID_REFRESH = "登录已失效，请重新登录。";

    private final TokenGenerator generator;
    private final RefreshTokenRepository refreshTokens;
    private final PrincipalSource principals;
    private final TokenSettings settings;
    private final AuditLog audit;
    private final SharedRevokedSessions revokedSessions;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    Tokens(TokenGenerator generator, RefreshTokenRepository refreshTokens, PrincipalSource principals, TokenSettings settings,
           AuditLog audit, SharedRevokedSessions revokedSessions) {
        this.audit = audit;
        this.revokedSessions = revokedSessions;
        this.generator = generator;
        this.refreshTokens = refreshTokens;
        this.principals = principals;
        this.settings = settings;
    }

    /** Starts a new sign-in for the principal. */
    @Transactional
    public IssuedTokens issue(Principal principal) {
        return issue(principal, UUID.randomUUID());
    }

    /** Exchanges a refresh token for a new pair; the presented token stops working. Every outcome is audited. */
    @Transactional(noRollbackFor = ProblemException.class)
    public IssuedTokens refresh(String refreshToken, @Nullable String clientAddress) {
        Instant now = clock.instant();
        RefreshToken stored = refreshTokens.findForUpdate(hash(refreshToken)).orElse(null);
        if (stored == null) {
            audited(AuditLog.UNKNOWN_ACTOR, AuditLog.TOKEN_REFRESH, AuditLog.FAILURE, clientAddress, "unknown-token");
            throw ProblemException.unauthorized(INVALID_REFRESH);
        }
        String actor = stored.accountId().toString();
        if (stored.revokedAt() != null) {
            if (withinGrace(stored, now)) {
                Principal principal = principals.reload(stored.accountId(), stored.kind()).orElse(null);
                if (principal != null) {
                    IssuedTokens issued = issue(principal, stored.familyId());
                    audited(actor, AuditLog.TOKEN_REFRESH, AuditLog.SUCCESS, clientAddress, "rotated-token-within-grace");
                    return issued;
                }
            }
            if (stored.rotated()) {
                int revoked = revokeSession(stored.familyId(), now);
                LOG.warn("Rotated refresh token of account {} used again; revoked {} tokens of its sign-in", stored.accountId(), revoked);
                audited(actor, AuditLog.TOKEN_REVOKE, AuditLog.SUCCESS, clientAddress, "rotated-token-reused; sign-in revoked");
            }
            audited(actor, AuditLog.TOKEN_REFRESH, AuditLog.FAILURE, clientAddress, "revoked-token");
            throw ProblemException.unauthorized(INVALID_REFRESH);
        }
        if (!stored.expiresAt().isAfter(now)) {
            audited(actor, AuditLog.TOKEN_REFRESH, AuditLog.FAILURE, clientAddress, "expired-token");
            throw ProblemException.unauthorized(INVALID_REFRESH);
        }
        Principal principal = principals.reload(stored.accountId(), stored.kind()).orElse(null);
        if (principal == null) {
            revokeSession(stored.familyId(), now);
            audited(actor, AuditLog.TOKEN_REFRESH, AuditLog.FAILURE, clientAddress, "account-disabled-or-gone");
            throw ProblemException.unauthorized("账号不存在或已停用，请联系管理员。");
        }
        refreshTokens.revoke(stored.id(), now, true);
        IssuedTokens issued = issue(principal, stored.familyId());
        audit.record(new AuditLog.Entry(actor, String.join(",", principal.roles()), AuditLog.TOKEN_REFRESH, "account",
                actor, AuditLog.SUCCESS, clientAddress, null));
        return issued;
    }

    /**
     * Two refreshes racing with one token (an app refreshing twice at start): a token rotated less than
     * {@code civic.tokens.refresh-grace} ago, whose sign-in is still live, may be used once more for another pair of
     * the same sign-in. A second reuse, or any reuse after the window, is treated as theft and ends the sign-in.
     */
    private boolean withinGrace(RefreshToken stored, Instant now) {
        return stored.rotated() && !stored.graceUsed()
                && now.isBefore(stored.revokedAt().plus(settings.refreshGrace()))
                && refreshTokens.activeInFamily(stored.familyId()) > 0
                && refreshTokens.takeGrace(stored.id()) == 1;
    }

    /**
     * Ends every sign-in of the account (after a password change, a disabled account or a role change, for instance):
     * its refresh tokens stop working and its access tokens are refused everywhere within seconds.
     */
    @Transactional
    public int revokeAll(UUID accountId) {
        revokedSessions.revoke(refreshTokens.activeFamilies(accountId).stream().map(UUID::toString).toList());
        return refreshTokens.revokeAccount(accountId, clock.instant());
    }

    /** Revokes the refresh token if it belongs to the account; unknown tokens are ignored (logout is idempotent). */
    @Transactional
    public boolean revoke(String refreshToken, UUID accountId) {
        Optional<RefreshToken> stored = refreshTokens.findForUpdate(hash(refreshToken));
        if (stored.isEmpty() || !stored.get().accountId().equals(accountId)) {
            return false;
        }
        return revokeSession(stored.get().familyId(), clock.instant()) > 0;
    }

    /** Ends one sign-in: its refresh tokens and, everywhere within seconds, its access tokens. */
    private int revokeSession(UUID familyId, Instant at) {
        revokedSessions.revoke(java.util.List.of(familyId.toString()));
        return refreshTokens.revokeFamily(familyId, at);
    }

    private void audited(String actor, String action, String outcome, @Nullable String clientAddress, String detail) {
        boolean known = !AuditLog.UNKNOWN_ACTOR.equals(actor);
        audit.record(new AuditLog.Entry(actor, null, action, known ? "account" : null, known ? actor : null, outcome,
                clientAddress, detail));
    }

    private IssuedTokens issue(Principal principal, UUID familyId) {
        Instant now = clock.instant();
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(Claims.KIND, principal.kind());
        attributes.put(Claims.SESSION, familyId.toString());
        if (principal.regionCode() != null) {
            attributes.put(Claims.REGION, principal.regionCode());
        }
        if (principal.displayName() != null) {
            attributes.put(Claims.NAME, principal.displayName());
        }
        if (principal.openid() != null && Claims.KIND_CITIZEN.equals(principal.kind())) {
            attributes.put(Claims.OPENID, principal.openid());
        }
        int accessSeconds = (int) settings.accessTtl().toSeconds();
        String accessToken = generator.generateToken(
                        Authentication.build(principal.accountId().toString(), principal.roles(), attributes), accessSeconds)
                .orElseThrow(() -> new IllegalStateException("JWT generator produced no token"));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        refreshTokens.save(new RefreshToken(UUID.randomUUID(), hash(refreshToken), familyId, principal.accountId(),
                principal.kind(), now, now.plus(settings.refreshTtl()), null, false, false));
        return new IssuedTokens(accessToken, refreshToken, accessSeconds, principal);
    }

    /** Refresh tokens carry 256 random bits, so a plain SHA-256 is enough to make a stolen table useless. */
    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
