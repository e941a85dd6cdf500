package cn.nanning.civic.common.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way a deployable talks to WeChat's server API: the SDK set up once (API host, stable access token, short
 * HTTP timeouts, none of the SDK's own retries with growing sleeps), and every call bounded by a time limit and a
 * circuit breaker. WeChat answering "busy" made the SDK sleep 1 + 2 + 4 + 8 + 16 s before giving up, which held a
 * citizen's sign-in for about 30 s; now a slow or failing WeChat is a {@link Unavailable} within the time limit, and
 * after repeated failures at once.
 */
public final class WeChatClient implements AutoCloseable {

    /** A call that may throw WeChat's own error answers. */
    @FunctionalInterface
    public interface Call<T> {
        T on(WxMaService weChat) throws WxErrorException;
    }

    /** WeChat did not answer in time, could not be reached, or the breaker is open after repeated failures. */
    public static final class Unavailable extends Exception {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final WxMaService service;
    private final Duration timeLimit;
    private final CircuitBreaker breaker;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @param timeLimit the most one call may take, all HTTP requests of it (access token included) together
     */
    public WeChatClient(String apiHost, String appId, String appSecret, Duration timeLimit) {
        this.timeLimit = timeLimit;
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(appId);
        config.setSecret(appSecret);
        config.setApiHostUrl(apiHost.endsWith("/") ? apiHost.substring(0, apiHost.length() - 1) : apiHost);
        // The stable token is shared safely by several gateway instances and the services using the same app.
        config.useStableAccessToken(true);
        int millis = (int) Math.max(500, timeLimit.toMillis() / 2);
        DefaultApacheHttpClientBuilder http = DefaultApacheHttpClientBuilder.get();
        http.setConnectionTimeout(millis);
        http.setSoTimeout(millis);
        http.setConnectionRequestTimeout(millis);
        http.setHttpRequestRetryHandler((exception, executionCount, context) -> false);
        config.setApacheHttpClientBuilder(http);
        // The SDK's own retries on "system busy" sleep 1 s, 2 s, 4 s …; the breaker below decides instead.
        config.setMaxRetryTimes(0);
        config.setRetrySleepMillis(0);
        WxMaServiceImpl impl = new WxMaServiceImpl();
        impl.setWxMaConfig(config);
        impl.setMaxRetryTimes(0);
        impl.setRetrySleepMillis(0);
        this.service = impl;
        this.breaker = CircuitBreaker.of("wechat", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
    }

    /**
     * Runs the call within the time limit and the breaker. WeChat's error answers (a wrong code, "busy") come back
     * as {@link WxErrorException}; everything else that keeps an answer from arriving in time is {@link Unavailable}.
     */
    public <T> T call(Call<T> call) throws WxErrorException, Unavailable {
        try {
            breaker.acquirePermission();
        } catch (CallNotPermittedException open) {
            throw new Unavailable("WeChat breaker open after repeated failures", open);
        }
        long start = breaker.getCurrentTimestamp();
        Future<T> future = calls.submit(() -> call.on(service));
        try {
            T answer = future.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
            return answer;
        } catch (TimeoutException e) {
            future.cancel(true);
            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
            throw new Unavailable("WeChat did not answer within " + timeLimit.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WxErrorException refused) {
                // WeChat's refusals (a bad code, an unsubscribed user) are answers, not faults; "busy" is a fault.
                if (busy(refused)) {
                    breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(),
                            new IllegalStateException("WeChat busy", refused));
                } else {
                    breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
                }
                throw refused;
            }
            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), cause);
            throw new Unavailable("WeChat call failed: " + cause, cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for WeChat", e);
        }
    }

    /** WeChat's "system busy" (-1): a fault of WeChat, counted by the breaker. */
    private static boolean busy(WxErrorException e) {
        return e.getError() != null && e.getError().getErrorCode() == -1;
    }

    /** The breaker's state, for health and tests. */
    public String state() {
        return breaker.getState().name();
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
