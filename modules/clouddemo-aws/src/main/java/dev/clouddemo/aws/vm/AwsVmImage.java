package dev.clouddemo.aws.vm;

import java.util.Collection;
import software.amazon.awssdk.services.ec2.model.ArchitectureType;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The VM's image: the newest Amazon Linux 2023 for the instance type's processor, read from the
 * public SSM parameter AWS keeps current in every region — never a hard-coded AMI id.
 */
final class AwsVmImage {
    static final String PARAMETER_PREFIX = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-";
    static final String X86_64 = "x86_64";
    static final String ARM64 = "arm64";

    private AwsVmImage() {
    }

    /** The SSM parameter naming the current image for this architecture. */
    static String parameterFor(String architecture) {
        if (!X86_64.equals(architecture) && !ARM64.equals(architecture)) {
            throw new IllegalArgumentException("Amazon Linux 2023 has no image for architecture " + architecture);
        }
        return PARAMETER_PREFIX + architecture;
    }

    /** arm64 when the type runs only arm64 (Graviton), else x86_64. */
    static String architectureOf(Collection<ArchitectureType> supported) {
        if (supported.contains(ArchitectureType.X86_64)) {
            return X86_64;
        }
        if (supported.contains(ArchitectureType.ARM64)) {
            return ARM64;
        }
        throw new IllegalArgumentException("no Amazon Linux 2023 image runs on " + supported);
    }

    /** The image id the parameter names now. */
    static String resolve(SsmClient ssm, String architecture) {
        return ssm.getParameter(r -> r.name(parameterFor(architecture))).parameter().value();
    }
}
