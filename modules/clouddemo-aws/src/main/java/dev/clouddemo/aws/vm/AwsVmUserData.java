package dev.clouddemo.aws.vm;

import dev.clouddemo.core.kit.vm.StartupScript;
import java.nio.file.Path;
import java.util.Base64;

/** The VM's start-up script as EC2 takes it: user data of at most 16 KB, sent and read back base64-encoded. */
final class AwsVmUserData {
    /** EC2's limit on user data, before base64 encoding. */
    static final int MAX_BYTES = 16 * 1024;

    private AwsVmUserData() {
    }

    static StartupScript read(Path source) {
        return StartupScript.read(source, MAX_BYTES, "EC2");
    }

    /** What RunInstances takes: the script, base64-encoded. */
    static String base64(StartupScript script) {
        return Base64.getEncoder().encodeToString(script.script());
    }

    /** The SHA-256 of the script a DescribeInstanceAttribute(userData) answer carries (base64). */
    static String sha256OfBase64(String base64) {
        return base64 == null || base64.isEmpty() ? "" : StartupScript.sha256(Base64.getMimeDecoder().decode(base64));
    }
}
