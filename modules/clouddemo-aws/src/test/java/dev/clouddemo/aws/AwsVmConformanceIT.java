package dev.clouddemo.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.testkit.AwsEmulator;
import dev.clouddemo.testkit.AwsEmulatorNamed;
import dev.clouddemo.testkit.AwsEmulatorsExtension;
import dev.clouddemo.testkit.conformance.ChangeKind;
import dev.clouddemo.testkit.conformance.ConformanceGround;
import dev.clouddemo.testkit.conformance.ProviderConformanceSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The conformance suite for the AWS VM as a spot instance, on moto: the emulator with EC2, spot and SSM. */
@ExtendWith(AwsEmulatorsExtension.class)
class AwsVmConformanceIT extends ProviderConformanceSuite {
    private static final String SCRIPT = "#!/bin/bash\necho %s > /var/www/index.html\n";

    private ConformanceGround ground;

    @BeforeAll
    void onMoto(@AwsEmulatorNamed("moto") AwsEmulator moto) {
        ground = new AwsConformanceGround(ServiceModel.IAAS, moto.endpoint(), Map.of()) {
            @Override
            public DeployOptions options() {
                return new DeployOptions(false, true, null, false, false, null, null, null);
            }

            @Override
            public void writeSource(Path folder) throws IOException {
                Files.writeString(folder.resolve("user-data.sh"), SCRIPT.formatted("first"));
            }

            @Override
            public List<ChangeKind> changeOneInput(Path folder) throws IOException {
                // the start-up script runs only at first boot: a new one means a new instance
                Files.writeString(folder.resolve("user-data.sh"), SCRIPT.formatted("second"));
                return List.of(ChangeKind.delete("ec2-instance"), ChangeKind.create("ec2-instance"));
            }

            @Override
            public void writeInvalidSource(Path folder) throws IOException {
                Files.writeString(folder.resolve("index.html"), "<h1>a page but no user-data.sh</h1>");
            }

            @Override
            public Set<String> outputs() {
                return Set.of("instance", "public_ip", "url", "market", "instance_type", "state", "zone");
            }

            @Override
            public void checkOutputs(Map<String, String> outputs) {
                assertThat(outputs).containsEntry("market", "spot").containsEntry("state", "running")
                        .containsEntry("url", "http://" + outputs.get("public_ip") + "/");
            }

            @Override
            public String primaryType() {
                return "ec2-instance";
            }

            @Override
            public boolean partOfRecorded(FoundResource resource) {
                // the root volume, tagged at launch, goes with its instance (DeleteOnTermination)
                return resource.id().contains(":volume/");
            }
        };
    }

    @Override
    protected ConformanceGround ground() {
        return ground;
    }
}
