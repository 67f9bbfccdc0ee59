package dev.clouddemo.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code aws} command-line tool pointed at an emulator: the second, independent client tests
 * check results with. Runs with dummy credentials (or another account's access key id) in
 * us-east-1 and JSON output.
 */
public final class AwsCli {
    private final URI endpoint;
    private final String accessKeyId;

    private AwsCli(URI endpoint, String accessKeyId) {
        this.endpoint = endpoint;
        this.accessKeyId = accessKeyId;
    }

    public static AwsCli at(URI endpoint) {
        return new AwsCli(endpoint, "test");
    }

    /** The same CLI acting as another account (emulators with {@link AwsCapability#MULTI_ACCOUNT}). */
    public AwsCli asAccount(String twelveDigitAccessKeyId) {
        return new AwsCli(endpoint, twelveDigitAccessKeyId);
    }

    /** The outcome of one {@code aws} run. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        public Result orFail() {
            if (exitCode != 0) {
                throw new AssertionError("aws exited " + exitCode + ": " + stderr);
            }
            return this;
        }
    }

    /** Runs {@code aws --endpoint-url E --region us-east-1 --output json ARGS…}. */
    public Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint.toString(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", accessKeyId);
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("aws " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run the aws CLI (is it installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
