package cn.nanning.civic.common.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The metric {@code civic_kafka_dead_letters_total{topic,group}} on /prometheus. */
@Singleton
@Requires(classes = MeterRegistry.class)
@Requires(beans = MeterRegistry.class)
class MicrometerDeadLetterCounter implements DeadLetterCounter {

    private final MeterRegistry registry;

    MicrometerDeadLetterCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void counted(String topic, String consumerGroup) {
        Counter.builder("civic.kafka.dead.letters").description("Consumed records moved to a dead-letter topic")
                .tag("topic", topic).tag("group", consumerGroup).register(registry).increment();
    }
}
