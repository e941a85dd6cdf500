package cn.nanning.civic.devstack;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

import static org.assertj.core.api.Assertions.assertThat;

class RedisEndpointTest {

    @Test
    void an_embedded_redis_starts_when_nothing_answers_and_jedis_can_use_it() {
        int nothingThere = Ports.free();
        int embeddedPort = Ports.free();

        try (RedisEndpoint redis = RedisEndpoint.reuseOrStart(nothingThere, embeddedPort);
             RedisClient client = RedisClient.create(redis.url())) {
            assertThat(redis.embedded()).isTrue();
            assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + embeddedPort);
            assertThat(client.ping()).isEqualTo("PONG");
            client.set("civic:devstack", "你好");
            assertThat(client.get("civic:devstack")).isEqualTo("你好");
        }

        assertThat(RedisEndpoint.answersPing(embeddedPort)).isFalse();
    }

    @Test
    void a_redis_that_already_answers_is_used_and_left_running() {
        try (RedisEndpoint running = RedisEndpoint.reuseOrStart(Ports.free(), Ports.free())) {
            int unused = Ports.free();

            try (RedisEndpoint reused = RedisEndpoint.reuseOrStart(running.port(), unused)) {
                assertThat(reused.embedded()).isFalse();
                assertThat(reused.port()).isEqualTo(running.port());
                assertThat(RedisEndpoint.answersPing(unused)).isFalse();
            }

            assertThat(RedisEndpoint.answersPing(running.port())).isTrue();
        }
    }

    @Test
    void a_redis_left_running_on_the_embedded_port_is_used_instead_of_starting_another() {
        try (RedisEndpoint leftOver = RedisEndpoint.reuseOrStart(Ports.free(), Ports.free())) {

            try (RedisEndpoint next = RedisEndpoint.reuseOrStart(Ports.free(), leftOver.port())) {
                assertThat(next.embedded()).isFalse();
                assertThat(next.port()).isEqualTo(leftOver.port());
            }

            assertThat(RedisEndpoint.answersPing(leftOver.port())).isTrue();
        }
    }
}
