package dev.clouddemo.testkit;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AWS emulators the tests run against, and how each is launched: the same table as
 * {@code scripts/emulators.sh}, which installs them (one Python venv per emulator under
 * {@link EmulatorSettings#home()}). Each binds 127.0.0.1 and keeps what it writes in {@code scratch}.
 */
enum AwsEmulatorKind {
    MOTO("moto", "/moto-api/", "/moto-api/reset",
            EnumSet.of(AwsCapability.TAGGING_API, AwsCapability.LAMBDA_FUNCTIONS, AwsCapability.RESET,
                    AwsCapability.EC2_VM)) {
        @Override
        List<String> command(Path installDir, int port, Path scratch) {
            return List.of(installDir.resolve("bin/moto_server").toString(), "-H", "127.0.0.1", "-p", String.valueOf(port));
        }

        @Override
        Map<String, String> environment(int port, Path scratch) {
            // without it IAM knows no AWS managed policy (AttachRolePolicy answers NoSuchEntity)
            return Map.of("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
        }
    },
    MINISTACK("ministack", "/_ministack/health", "/_ministack/reset",
            EnumSet.of(AwsCapability.TAGGING_API, AwsCapability.MULTI_ACCOUNT, AwsCapability.LAMBDA_INVOKE,
                    AwsCapability.LAMBDA_FUNCTIONS, AwsCapability.RESET)) {
        @Override
        List<String> command(Path installDir, int port, Path scratch) {
            return List.of(installDir.resolve("bin/ministack").toString());
        }

        @Override
        Map<String, String> environment(int port, Path scratch) {
            // BIND_HOST defaults to 0.0.0.0; its pid file and Lambda code go below TMPDIR.
            return Map.of("BIND_HOST", "127.0.0.1", "GATEWAY_PORT", String.valueOf(port),
                    "TMPDIR", scratch.toString(), "STATE_DIR", scratch.resolve("state").toString(),
                    "S3_DATA_DIR", scratch.resolve("s3").toString(), "S3_PERSIST", "0", "PERSIST_STATE", "0",
                    "LOCALSTACK_PERSISTENCE", "0");
        }
    },
    LOCALSTACK("localstack", "/_localstack/health", null,
            // switches account on 12-digit keys, but HeadBucket across accounts answers 200, not 403
            EnumSet.of(AwsCapability.WEBSITE_ENDPOINT)) {
        @Override
        List<String> command(Path installDir, int port, Path scratch) {
            return List.of(installDir.resolve("bin/python").toString(), "-m", "localstack.runtime.main");
        }

        @Override
        Map<String, String> environment(int port, Path scratch) {
            // twisted (the default server) ignores the host of GATEWAY_LISTEN; hypercorn binds it.
            return Map.of("GATEWAY_LISTEN", "127.0.0.1:" + port, "GATEWAY_SERVER", "hypercorn",
                    "DNS_ADDRESS", "0", "PERSISTENCE", "0", "FILESYSTEM_ROOT", scratch.toString(),
                    "TMPDIR", scratch.toString(), "DISABLE_EVENTS", "1", "SKIP_SSL_CERT_DOWNLOAD", "1");
        }
    };

    private final String id;
    private final String readyPath;
    private final String resetPath;
    private final Set<AwsCapability> capabilities;

    AwsEmulatorKind(String id, String readyPath, String resetPath, Set<AwsCapability> capabilities) {
        this.id = id;
        this.readyPath = readyPath;
        this.resetPath = resetPath;
        this.capabilities = capabilities;
    }

    abstract List<String> command(Path installDir, int port, Path scratch);

    abstract Map<String, String> environment(int port, Path scratch);

    String id() {
        return id;
    }

    /** Answers HTTP once the emulator serves requests. */
    String readyPath() {
        return readyPath;
    }

    /** POST here wipes all state; null without {@link AwsCapability#RESET}. */
    String resetPath() {
        return resetPath;
    }

    Set<AwsCapability> capabilities() {
        return EnumSet.copyOf(capabilities);
    }

    /** The command that installs it, for messages. */
    String installCommand() {
        return "scripts/emulators.sh install " + id;
    }
}
