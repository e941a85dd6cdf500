package cn.nanning.civic.common.kafka;

/** Counts dead letters per original topic and consumer group (in Micrometer where a deployable has it). */
public interface DeadLetterCounter {

    void counted(String topic, String consumerGroup);
}
