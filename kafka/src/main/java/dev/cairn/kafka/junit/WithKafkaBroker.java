package dev.cairn.kafka.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test class against a real Kafka broker ({@link KafkaBrokerExtension}): started before the class's first
 * test in a temporary directory on a free port, stopped after its last. Test methods, constructors and
 * {@code @BeforeAll}/{@code @BeforeEach} methods get it as a {@link dev.cairn.kafka.KafkaBroker} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KafkaBrokerExtension.class)
public @interface WithKafkaBroker {

    /**
     * One broker shared by every class of the test run that asks for a shared one, stopped when the run ends,
     * instead of one for this class. Tests sharing it must not stop it, and should use topic names of their own.
     */
    boolean shared() default false;

    /** Broker settings as {@code key=value}, e.g. {@code "log.retention.ms=60000"}; not with {@link #shared()}. */
    String[] properties() default {};

    /**
     * SASL/PLAIN users as {@code name=password} (see {@code KafkaBroker.Builder#saslPlain}); with any of these, or
     * {@link #scram()}, the client listener wants SASL. Not with {@link #shared()}.
     */
    String[] saslPlain() default {};

    /** SCRAM-SHA-256 and SCRAM-SHA-512 users as {@code name=password}; not with {@link #shared()}. */
    String[] scram() default {};

    /** TLS on the client listener with a self-signed certificate ({@code KafkaBroker#tlsCertificate()}). */
    boolean selfSignedTls() default false;
}
