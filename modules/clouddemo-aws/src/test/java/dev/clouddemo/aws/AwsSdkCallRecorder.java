package dev.clouddemo.aws;

import dev.clouddemo.testkit.conformance.CallRecorder;
import dev.clouddemo.testkit.conformance.RecordedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS SDK call made in this JVM (service and operation) for the conformance suite,
 * without touching the provider: the SDK adds the global interceptors named in the class-path file
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} (in this module's test
 * resources) to every client it builds. One instance per client, so the record is static. A call
 * is a write unless its operation starts with Get, List, Describe or Head.
 */
public final class AwsSdkCallRecorder implements ExecutionInterceptor {
    private static final List<RecordedCall> CALLS = new ArrayList<>();
    private static final AtomicReference<Runnable> AFTER_NEXT_WRITE = new AtomicReference<>();

    /** The recorder the conformance grounds hand to the suite. */
    static final CallRecorder RECORDER = new CallRecorder() {
        @Override
        public long mark() {
            synchronized (CALLS) {
                return CALLS.size();
            }
        }

        @Override
        public List<RecordedCall> since(long mark) {
            synchronized (CALLS) {
                return List.copyOf(CALLS.subList((int) mark, CALLS.size()));
            }
        }

        @Override
        public void afterNextWrite(Runnable action) {
            AFTER_NEXT_WRITE.set(action);
        }

        @Override
        public void clearAfterNextWrite() {
            AFTER_NEXT_WRITE.set(null);
        }
    };

    /** Made by the SDK, through the class-path file. */
    public AwsSdkCallRecorder() {
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        RecordedCall call = new RecordedCall(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME), operation,
                isWrite(operation));
        synchronized (CALLS) {
            CALLS.add(call);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (isWrite(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            Runnable action = AFTER_NEXT_WRITE.getAndSet(null);
            if (action != null) {
                action.run();
            }
        }
    }

    /** Reads are Get…, List…, Describe… and Head… in every AWS API clouddemo calls; the rest may change something. */
    static boolean isWrite(String operation) {
        return operation == null || !(operation.startsWith("Get") || operation.startsWith("List")
                || operation.startsWith("Describe") || operation.startsWith("Head"));
    }
}
