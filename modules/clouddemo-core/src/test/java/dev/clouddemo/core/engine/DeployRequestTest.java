package dev.clouddemo.core.engine;

import static dev.clouddemo.core.Failures.clouddemoFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.model.DeployOptions;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeployRequestTest {
    @TempDir
    Path tmp;

    @Test
    void of_validInput_buildsRequest() {
        // when
        DeployRequest request = DeployRequest.of("pr-42", "aws", ServiceModel.STATIC,
                new Target("eu-west-2", true, null), tmp);

        // then
        assertThat(request.env()).isEqualTo(EnvName.of("pr-42"));
        assertThat(request.provider()).isEqualTo("aws");
        assertThat(request.target().region()).isEqualTo("eu-west-2");
        assertThat(request.source()).isEqualTo(tmp);
    }

    @Test
    void of_noSourceNoRegion_isValid() {
        DeployRequest request = DeployRequest.of("dev", "aws", ServiceModel.STATIC, new Target(null, false, null), null);

        assertThat(request.source()).isNull();
        assertThat(request.target().region()).isNull();
    }

    @Test
    void of_badEnvMissingSourceAndBadRegion_reportsAllThreeTogether() {
        // given
        Path missing = tmp.resolve("no-such-site");

        // when
        ClouddemoException e = clouddemoFailure(() -> DeployRequest.of("Bad_Env", "aws", ServiceModel.STATIC,
                new Target("Mars_Central", false, null), missing));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage())
                .contains("invalid environment name 'Bad_Env'")
                .contains("source folder " + missing + " does not exist")
                .contains("region 'Mars_Central' is not a region name");
    }

    @Test
    void of_sourceIsAFile_saysItIsNotAFolder() throws IOException {
        // given
        Path file = Files.writeString(tmp.resolve("index.html"), "x");

        // when
        ClouddemoException e = clouddemoFailure(() -> DeployRequest.of("dev", "aws", ServiceModel.STATIC,
                new Target(null, false, null), file));

        // then
        assertThat(e.getMessage()).isEqualTo("source folder " + file + " is not a folder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "eu-west-2", "us-gov-west-1", "westeurope", "europe-west1"})
    void of_regionOfAnyProvider_isAccepted(String region) {
        assertThat(DeployRequest.of("dev", "aws", ServiceModel.STATIC, new Target(region, false, null), null)
                .target().region()).isEqualTo(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "US-EAST-1", "us_east_1", "us-east-1 ", "-us-east-1", "us--east-1"})
    void of_notARegion_isRejected(String region) {
        ClouddemoException e = clouddemoFailure(() ->
                DeployRequest.of("dev", "aws", ServiceModel.STATIC, new Target(region, false, null), null));

        assertThat(e.getMessage()).contains("region '" + region + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"t3.micro", "Standard_B1s", "e2-micro", "n2d-standard-2"})
    void of_instanceTypeOfAnyProvider_isAccepted(String type) {
        // given: the instance type names of three clouds
        DeployOptions options = new DeployOptions(false, false, null, false, false, null, null, type);

        // when / then: core leaves each provider's own rule to the provider
        assertThat(DeployRequest.of("dev", "any", ServiceModel.IAAS, new Target(null, false, null), null, options)
                .options().instanceType()).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"F1", "B1", "P0v3", "F4_1G"})
    void of_skuOfAnyProviderForPaas_isAccepted(String sku) {
        DeployOptions options = DeployOptions.NONE.withSku(sku);

        assertThat(DeployRequest.of("dev", "any", ServiceModel.PAAS, new Target(null, false, null), null, options)
                .options().sku()).isEqualTo(sku);
    }

    @Test
    void of_skuForAnotherModel_isRejectedPointingToInstanceType() {
        DeployOptions options = DeployOptions.NONE.withSku("B1");

        ClouddemoException e = clouddemoFailure(() ->
                DeployRequest.of("dev", "any", ServiceModel.IAAS, new Target(null, false, null), null, options));

        assertThat(e.getMessage()).contains("--sku applies to the paas model only").contains("--instance-type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "B 1", "-B1", "B1;rm"})
    void of_notASkuName_isRejected(String sku) {
        ClouddemoException e = clouddemoFailure(() -> DeployRequest.of("dev", "any", ServiceModel.PAAS,
                new Target(null, false, null), null, DeployOptions.NONE.withSku(sku)));

        assertThat(e.getMessage()).contains("--sku '" + sku + "' is not a size name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "t3 micro", "-t3", "t3.micro;rm"})
    void of_notAnInstanceTypeName_isRejected(String type) {
        DeployOptions options = new DeployOptions(false, false, null, false, false, null, null, type);

        ClouddemoException e = clouddemoFailure(() ->
                DeployRequest.of("dev", "any", ServiceModel.IAAS, new Target(null, false, null), null, options));

        assertThat(e.getMessage()).contains("--instance-type '" + type + "' is not an instance type name");
    }
}
