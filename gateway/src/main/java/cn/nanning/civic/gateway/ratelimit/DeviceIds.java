package cn.nanning.civic.gateway.ratelimit;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The install id an app sends in {@value #HEADER} (random, made once on the phone; it names no person), so that anonymous
 * callers behind one carrier NAT address each get their own rate-limit bucket. A client can invent ids, so all devices
 * of one address together stay under the address ceiling: the policy's budget times {@code address-factor}.
 */
@Singleton
class DeviceIds {

    static final String HEADER = "X-Civic-Device";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final int addressFactor;

    DeviceIds(@Value("${gateway.rate-limit-devices.address-factor:50}") int addressFactor) {
        this.addressFactor = Math.max(1, addressFactor);
    }

    /** The request's device id when it sent a well-formed one; a malformed id counts as none (limited by address). */
    Optional<String> of(HttpRequest<?> request) {
        String id = request.getHeaders().get(HEADER);
        return id != null && WELL_FORMED.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    /** How many devices' budgets one address may spend in all. */
    int addressFactor() {
        return addressFactor;
    }
}
