package cn.nanning.civic.gateway.ratelimit;

import cn.nanning.civic.common.problem.Problem;
import cn.nanning.civic.common.problem.ProblemTitles;
import cn.nanning.civic.common.requestid.RequestIds;
import cn.nanning.civic.gateway.redis.RedisUnavailableException;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Applies the request's rate-limit policy after the security filter and before forwarding. The subject is the
 * signed-in account when there is one; an anonymous caller that names its device ({@link DeviceIds}) is limited per
 * device and, with every device of its address, under the address ceiling (phones behind one carrier NAT do not share
 * one budget); any other anonymous caller per address. While Redis is down, writes and fail-closed policies are
 * refused with 503; other reads are limited per instance.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RateLimitFilter implements Ordered {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    private static final String DECISION = "civic.gateway.rate-limit";
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimitPolicies policies;
    private final RateLimiter limiter;
    private final ClientAddresses clients;
    private final DeviceIds devices;
    private final Map<String, RateLimitPolicy> ceilings = new ConcurrentHashMap<>();
    /** Jedis blocks, so Redis round trips run off the event loop. */
    private final Scheduler blocking;

    RateLimitFilter(RateLimitPolicies policies, RateLimiter limiter, ClientAddresses clients, DeviceIds devices,
                    @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.policies = policies;
        this.limiter = limiter;
        this.clients = clients;
        this.devices = devices;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    /**
     * Takes a token for the request and lets it go on, or refuses it. A read served from this instance's lease goes on
     * at once on the event loop; anything that needs Redis goes on once Redis has answered, off the event loop.
     */
    @RequestFilter
    Publisher<MutableHttpResponse<?>> limit(HttpRequest<?> request, FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        if (request.getMethod() == HttpMethod.OPTIONS) {
            return next.proceed();
        }
        Optional<RateLimitPolicy> found = policies.of(request);
        if (found.isEmpty()) {
            return next.proceed();
        }
        List<Check> checks = checks(found.get(), request);
        boolean read = READS.contains(request.getMethod());
        List<Optional<RateLimiter.Decision>> leased = new ArrayList<>();
        for (Check check : checks) {
            leased.add(read ? limiter.leasedRead(check.policy(), check.subject()) : Optional.empty());
        }
        if (leased.stream().allMatch(Optional::isPresent)) {
            request.setAttribute(DECISION, leased.getLast().orElseThrow());
            return next.proceed();
        }
        return Mono.fromCallable(() -> decideAll(checks, leased, request))
                .subscribeOn(blocking)
                .flatMap(outcome -> {
                    if (outcome instanceof Refusal refusal) {
                        return Mono.just(refusal.response());
                    }
                    request.setAttribute(DECISION, outcome);
                    return Mono.from(next.proceed());
                });
    }

    /** One bucket a request must find a token in: the policy and whose bucket it is. */
    private record Check(RateLimitPolicy policy, String subject) {
    }

    /** The account's bucket; or the address ceiling, then the device's; or the address's bucket. */
    private List<Check> checks(RateLimitPolicy policy, HttpRequest<?> request) {
        Optional<Authentication> account = request.getUserPrincipal(Authentication.class);
        if (account.isPresent()) {
            return List.of(new Check(policy, "account:" + account.get().getName()));
        }
        String address = "ip:" + clients.of(request);
        Optional<String> device = devices.of(request);
        if (device.isEmpty()) {
            return List.of(new Check(policy, address));
        }
        RateLimitPolicy ceiling = ceilings.computeIfAbsent(policy.getName() + ":" + policy.shape(),
                k -> policy.behindOneAddress(devices.addressFactor()));
        return List.of(new Check(ceiling, address), new Check(policy, "device:" + device.get()));
    }

    /** Every bucket in turn (a token already leased counts); the first refusal answers, else the last bucket's decision. */
    private Object decideAll(List<Check> checks, List<Optional<RateLimiter.Decision>> leased, HttpRequest<?> request) {
        Object outcome = null;
        for (int i = 0; i < checks.size(); i++) {
            outcome = leased.get(i).isPresent() ? leased.get(i).get() : decide(checks.get(i).policy(), checks.get(i).subject(), request);
            if (outcome instanceof Refusal) {
                return outcome;
            }
        }
        return outcome;
    }

    /** Tells the caller what is left of its bucket. */
    @ResponseFilter
    void tellRemaining(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(DECISION, RateLimiter.Decision.class).ifPresent(decision -> {
            response.header(LIMIT, Long.toString(decision.limit()));
            response.header(REMAINING, Long.toString(decision.remaining()));
        });
    }

    private record Refusal(MutableHttpResponse<?> response) {
    }

    private Object decide(RateLimitPolicy policy, String subject, HttpRequest<?> request) {
        RateLimiter.Decision decision;
        try {
            decision = READS.contains(request.getMethod()) ? limiter.sharedRead(policy, subject) : limiter.shared(policy, subject);
        } catch (RedisUnavailableException e) {
            if (policy.isFailClosed() || !READS.contains(request.getMethod())) {
                RequestIds.logging(request, () -> LOG.warn("Redis unavailable; refusing {} {} (policy {} fails closed for writes)",
                        request.getMethod(), request.getPath(), policy.getName()));
                MutableHttpResponse<?> refused = problem(request, HttpStatus.SERVICE_UNAVAILABLE, "rate-limit-unavailable",
                        "系统安全防护组件暂时不可用，登录、预约和提交类操作暂停受理，请稍后再试。浏览查询不受影响。");
                // The Redis circuit tries again after 5 s: a client need not come back sooner.
                refused.header(HttpHeaders.RETRY_AFTER, "5");
                return new Refusal(refused);
            }
            decision = limiter.local(policy, subject);
        }
        if (decision.allowed()) {
            return decision;
        }
        String where = decision.local() ? " (local limit, Redis down)" : "";
        RequestIds.logging(request, () -> LOG.info("Rate limit {} reached by {} on {} {}{}", policy.getName(), subject,
                request.getMethod(), request.getPath(), where));
        MutableHttpResponse<?> refused = problem(request, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "操作过于频繁，请在 " + decision.retryAfterSeconds() + " 秒后再试。");
        refused.header(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        refused.header(LIMIT, Long.toString(decision.limit()));
        refused.header(REMAINING, "0");
        return new Refusal(refused);
    }

    private static MutableHttpResponse<Problem> problem(HttpRequest<?> request, HttpStatus status, String type, String detail) {
        Problem body = new Problem(Problem.TYPE_BASE + type, ProblemTitles.forStatus(status.getCode()), status.getCode(),
                detail, request.getPath(), RequestIds.of(request), null);
        return HttpResponse.<Problem>status(status).body(body).contentType(Problem.MEDIA_TYPE);
    }

    @Override
    public int getOrder() {
        // After authentication (the subject), before forwarding (ForwardingFilter runs at SECURITY.after()).
        return ServerFilterPhase.SECURITY.after() - 10;
    }
}
