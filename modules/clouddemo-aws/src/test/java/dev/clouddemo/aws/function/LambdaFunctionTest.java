package dev.clouddemo.aws.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.config.Settings;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.kit.wait.WaitLoop;
import dev.clouddemo.core.spi.Cancellation;
import dev.clouddemo.core.spi.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;

class LambdaFunctionTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";

    @TempDir
    Path folder;

    private final List<String> progress = new ArrayList<>();

    @Test
    void drift_wantedConfiguration_none() {
        assertThat(LambdaFunction.drift(wanted().build(), ROLE)).isEmpty();
    }

    @Test
    void drift_changedByHand_namesEachDifference() {
        // given
        FunctionConfiguration changed = wanted().memorySize(256).timeout(3).runtime(Runtime.PYTHON3_9).build();

        // when
        List<String> drift = LambdaFunction.drift(changed, ROLE);

        // then
        assertThat(drift).containsExactly("runtime python3.9 → python3.12", "memory 256 → 128 MB", "timeout 3 → 10 s");
    }

    @Test
    void create_roleNotYetAssumable_retriesUntilLambdaAcceptsIt() throws Exception {
        // given: IAM propagates the new role after two refusals
        FakeLambda lambda = new FakeLambda(2, "The role defined for the function cannot be assumed by Lambda.");
        LambdaFunction function = new LambdaFunction(lambda, poll());

        // when
        String arn = function.create("f", ROLE, code(), Map.of("k", "v"));

        // then
        assertThat(arn).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:f");
        assertThat(lambda.creates).hasSize(3);
        CreateFunctionRequest request = lambda.creates.get(2);
        assertThat(request.runtime()).isEqualTo(Runtime.PYTHON3_12);
        assertThat(request.handler()).isEqualTo("handler.lambda_handler");
        assertThat(request.memorySize()).isEqualTo(128);
        assertThat(request.timeout()).isEqualTo(10);
        assertThat(request.tags()).containsEntry("k", "v");
        assertThat(progress).hasSize(2).allMatch(l -> l.startsWith("Waiting for IAM role " + ROLE
                + " to become usable by Lambda ("));
    }

    @Test
    void create_otherInvalidParameter_failsAtOnce() throws Exception {
        // given
        FakeLambda lambda = new FakeLambda(1, "Unzipped size must be smaller than 262144000 bytes");
        LambdaFunction function = new LambdaFunction(lambda, poll());

        // when / then
        assertThatThrownBy(() -> function.create("f", ROLE, code(), Map.of()))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThat(lambda.creates).hasSize(1);
    }

    @Test
    void awaitReady_functionFailed_errorCarriesLambdasReason() {
        // given
        FakeLambda lambda = new FakeLambda(0, "");
        lambda.state = GetFunctionConfigurationResponse.builder().state(State.FAILED)
                .stateReasonCode("InternalError").stateReason("Error while creating lambda").build();

        // when / then
        assertThatThrownBy(() -> new LambdaFunction(lambda, poll()).awaitReady("f"))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> assertThat(e.getMessage())
                        .contains("f is in state Failed: InternalError: Error while creating lambda"));
    }

    private LambdaFunction.Code code() throws Exception {
        Files.writeString(folder.resolve("handler.py"), "def lambda_handler(event, context):\n    return 1\n");
        return new LambdaFunction.Code(PythonBundle.of(folder, LambdaFunction.BUNDLE), null);
    }

    private WaitLoop poll() {
        return new WaitLoop(new Progress() {
            @Override
            public void info(String message) {
                progress.add(message);
            }

            @Override
            public void warn(String message) {
                progress.add(message);
            }
        }, new Cancellation(), Settings.DEFAULTS, pause -> { });
    }

    private static FunctionConfiguration.Builder wanted() {
        return FunctionConfiguration.builder().runtime(Runtime.PYTHON3_12).handler("handler.lambda_handler")
                .memorySize(128).timeout(10).role(ROLE);
    }

    /** Refuses CreateFunction {@code refusals} times with {@code message}, then accepts it. */
    private static final class FakeLambda implements LambdaClient {
        final List<CreateFunctionRequest> creates = new ArrayList<>();
        private final int refusals;
        private final String message;
        GetFunctionConfigurationResponse state;

        FakeLambda(int refusals, String message) {
            this.refusals = refusals;
            this.message = message;
        }

        @Override
        public CreateFunctionResponse createFunction(CreateFunctionRequest request) {
            creates.add(request);
            if (creates.size() <= refusals) {
                throw (InvalidParameterValueException) InvalidParameterValueException.builder().message(message)
                        .statusCode(400).build();
            }
            return CreateFunctionResponse.builder()
                    .functionArn("arn:aws:lambda:us-east-1:123456789012:function:" + request.functionName()).build();
        }

        @Override
        public GetFunctionConfigurationResponse getFunctionConfiguration(GetFunctionConfigurationRequest request) {
            return state;
        }

        @Override
        public String serviceName() {
            return "lambda";
        }

        @Override
        public void close() {
        }
    }
}
