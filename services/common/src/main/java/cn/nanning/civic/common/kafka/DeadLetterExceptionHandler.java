package cn.nanning.civic.common.kafka;

import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.config.DefaultKafkaListenerExceptionHandlerConfiguration;
import io.micronaut.configuration.kafka.exceptions.DefaultKafkaListenerExceptionHandler;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Kafka listener of every deployable does with a record that still fails after its retries: instead of
 * logging it and moving on (the record was lost), it goes to the dead-letter topic ({@link DeadLetters}). When even
 * that fails (Kafka down), the consumer is sent back to the record, so it is tried again rather than skipped.
 */
@Singleton
@Replaces(DefaultKafkaListenerExceptionHandler.class)
@Requires(classes = DefaultKafkaListenerExceptionHandler.class)
public class DeadLetterExceptionHandler extends DefaultKafkaListenerExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterExceptionHandler.class);

    private final DeadLetters deadLetters;
    private final Environment environment;

    public DeadLetterExceptionHandler(DefaultKafkaListenerExceptionHandlerConfiguration configuration, DeadLetters deadLetters,
                                      Environment environment) {
        super(configuration);
        this.deadLetters = deadLetters;
        this.environment = environment;
    }

    @Override
    public void handle(KafkaListenerException exception) {
        ConsumerRecord<?, ?> record = exception.getConsumerRecord().orElse(null);
        if (record == null) {
            super.handle(exception);
            return;
        }
        Throwable cause = exception.getCause() != null ? exception.getCause() : exception;
        try {
            deadLetters.send(record, groupOf(exception.getKafkaListener()), cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (RuntimeException notWritten) {
            LOG.error("Record {}-{}@{} failed and could not be dead-lettered; it will be consumed again: {}",
                    record.topic(), record.partition(), record.offset(), notWritten.getMessage());
            exception.getKafkaConsumer().seek(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
    }

    private String groupOf(Object listener) {
        if (listener == null) {
            return "";
        }
        KafkaListener annotation = listener.getClass().getAnnotation(KafkaListener.class);
        if (annotation == null && listener.getClass().getSuperclass() != null) {
            annotation = listener.getClass().getSuperclass().getAnnotation(KafkaListener.class);
        }
        return annotation == null ? listener.getClass().getSimpleName()
                : environment.getPlaceholderResolver().resolvePlaceholders(annotation.groupId()).orElse(annotation.groupId());
    }
}
