package cn.nanning.civic.common.identity;

/**
 * Sign-ins whose access tokens must be refused before they expire: after a logout, a disabled account, a role change
 * or a detected refresh-token reuse. Checked in memory on every request; how the list is kept current is up to the
 * implementation (the gateway shares it through Redis, services and search poll the gateway).
 */
public interface RevokedSessions {

    boolean isRevoked(String sessionId);
}
