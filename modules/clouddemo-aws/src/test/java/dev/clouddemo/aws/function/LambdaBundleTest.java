package dev.clouddemo.aws.function;

import dev.clouddemo.aws.AwsProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.content.DemoPayloads;
import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.model.ServiceModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lambda's rules for a handler folder; what every Python bundle shares is PythonBundleTest's. */
class LambdaBundleTest {
    @TempDir
    Path folder;

    @Test
    void of_noHandlerFile_invalidInputNamingTheFile() throws Exception {
        // given
        write("main.py", "def lambda_handler(event, context):\n    return 1\n");

        // when / then
        assertThatThrownBy(() -> PythonBundle.of(folder, LambdaFunction.BUNDLE)).isInstanceOfSatisfying(ClouddemoException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(e.getMessage()).contains("has no handler.py").contains(folder.toString());
            assertThat(e.hint()).contains("def lambda_handler(event, context)").contains("--source");
        });
    }

    @Test
    void of_handlerWithoutLambdaHandler_invalidInput() throws Exception {
        // given
        write("handler.py", "def handle(event, context):\n    return 1\n");

        // when / then
        assertThatThrownBy(() -> PythonBundle.of(folder, LambdaFunction.BUNDLE)).isInstanceOfSatisfying(ClouddemoException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(e.getMessage()).contains("handler.py").contains("defines no lambda_handler");
        });
    }

    @Test
    void of_builtInDemoHandler_isValid() {
        // given
        Path demo = DemoPayloads.materialize(ServiceModel.FAAS, new AwsProvider());

        // when
        PythonBundle bundle = PythonBundle.of(demo, LambdaFunction.BUNDLE);

        // then
        assertThat(bundle.files()).isEqualTo(2); // handler.py and the demo page it serves
        assertThat(bundle.size()).isLessThan(AwsFunctionDeployer.DIRECT_UPLOAD_LIMIT);
    }

    @Test
    void objectKey_namedByTheHash() throws Exception {
        // given
        handler("ok");

        // when
        PythonBundle bundle = PythonBundle.of(folder, LambdaFunction.BUNDLE);

        // then
        assertThat(LambdaCodeBucket.objectKey(bundle)).matches("function-[0-9a-f]{16}\\.zip");
        handler("other");
        assertThat(LambdaCodeBucket.objectKey(PythonBundle.of(folder, LambdaFunction.BUNDLE)))
                .isNotEqualTo(LambdaCodeBucket.objectKey(bundle));
    }

    private void handler(String marker) throws Exception {
        write("handler.py", "def lambda_handler(event, context):\n    return '" + marker + "'\n");
    }

    private void write(String key, String content) throws Exception {
        Path file = folder.resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
