package cn.nanning.civic.gateway.edge;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AttributeKey;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Writes the access line when a response's status line leaves the connection: the status logged is the status sent.
 * Each HTTP/1.1 connection gets a handler just in front of Micronaut's request handler, and a queue of the requests
 * the {@link AccessLogFilter} has seen on it (answers leave in request order).
 */
@Singleton
@Requires(beans = NettyServerCustomizer.Registry.class)
class AccessLogWire implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final AttributeKey<Queue<AccessLogFilter.Entry>> PENDING = AttributeKey.valueOf("civic-access-log-pending");
    private static final String HANDLER = "civic-access-log";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new PerConnection(null));
        return event.getBean();
    }

    private record PerConnection(Channel channel) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new PerConnection(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) == null || pipeline.get(HANDLER) != null) {
                return;
            }
            Queue<AccessLogFilter.Entry> pending = new ConcurrentLinkedQueue<>();
            channel.attr(PENDING).set(pending);
            pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, HANDLER, new StatusLine(pending));
        }
    }

    /** Sees every response head written on the connection. */
    private static final class StatusLine extends ChannelDuplexHandler {

        private final Queue<AccessLogFilter.Entry> pending;

        StatusLine(Queue<AccessLogFilter.Entry> pending) {
            this.pending = pending;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof HttpResponse response && response.status().code() >= 200) {
                AccessLogFilter.Entry entry = pending.poll();
                if (entry == null) {
                    // Answered before this gateway's filters ran (a CORS preflight, a malformed request): log what the
                    // connection knows.
                    String client = ctx.channel().remoteAddress() instanceof InetSocketAddress address
                            ? address.getAddress().getHostAddress() : "-";
                    entry = new AccessLogFilter.Entry("-", "-", "-", client);
                }
                entry.log(response.status().code());
            }
            super.write(ctx, msg, promise);
        }
    }
}
