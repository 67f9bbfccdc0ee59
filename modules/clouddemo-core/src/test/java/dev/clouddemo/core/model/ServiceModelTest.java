package dev.clouddemo.core.model;

import static dev.clouddemo.core.Failures.clouddemoFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceModelTest {

    @ParameterizedTest
    @CsvSource({
            "static, STATIC", "faas, FAAS", "paas, PAAS", "iaas, IAAS",
            "saas, STATIC", "serverless, FAAS", "function, FAAS", "app, PAAS", "vm, IAAS"})
    void parse_idOrAlias_returnsModel(String text, ServiceModel expected) {
        assertThat(ServiceModel.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"STATIC, STATIC", "Serverless, FAAS", "VM, IAAS", "' app ', PAAS", "FaaS, FAAS"})
    void parse_mixedCaseOrPadded_returnsModel(String text, ServiceModel expected) {
        assertThat(ServiceModel.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "container", "lambda", "static-site"})
    void parse_unknown_throwsUsageListingChoices(String text) {
        // when
        ClouddemoException e = clouddemoFailure(() -> ServiceModel.parse(text));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo("unknown model '" + text + "'");
        assertThat(e.hint()).contains("static (saas)", "faas (serverless, function)", "paas (app)", "iaas (vm)");
    }

    @Test
    void id_eachModel_isLowercaseName() {
        for (ServiceModel model : ServiceModel.values()) {
            assertThat(model.id()).isEqualTo(model.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
