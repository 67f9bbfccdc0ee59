package dev.clouddemo.aws.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.ArchitectureType;

class AwsVmImageTest {
    @Test
    void parameterFor_eachArchitecture_publicAmazonLinux2023Parameter() {
        assertThat(AwsVmImage.parameterFor("x86_64"))
                .isEqualTo("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
        assertThat(AwsVmImage.parameterFor("arm64"))
                .isEqualTo("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64");
        assertThatThrownBy(() -> AwsVmImage.parameterFor("i386")).hasMessageContaining("i386");
    }

    @Test
    void architectureOf_gravitonOrIntel_matchingImage() {
        assertThat(AwsVmImage.architectureOf(List.of(ArchitectureType.ARM64))).isEqualTo("arm64");
        assertThat(AwsVmImage.architectureOf(List.of(ArchitectureType.I386, ArchitectureType.X86_64))).isEqualTo("x86_64");
        assertThatThrownBy(() -> AwsVmImage.architectureOf(List.of(ArchitectureType.I386)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
