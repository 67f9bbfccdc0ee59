package dev.clouddemo.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.EnvironmentState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which providers' issues make {@code doctor} fail: those in use, or all when none is set up. */
class DoctorReportTest {
    private static final Instant NOW = Instant.parse("2026-12-02T00:00:00Z");

    private static DoctorReport.ProviderCheck working(String id) {
        return new DoctorReport.ProviderCheck(id, id, Optional.empty(), "r1", Map.of(), null, List.of());
    }

    private static DoctorReport.ProviderCheck unscoped(String id) {
        return new DoctorReport.ProviderCheck(id, id, Optional.empty(), null, Map.of(), "no " + id + " scope chosen",
                List.of());
    }

    private static DoctorReport report(List<DoctorReport.ProviderCheck> providers, String... deployedOn) {
        List<EnvironmentEntry> environments = new java.util.ArrayList<>();
        for (String provider : deployedOn) {
            DeploymentState deployment = new DeploymentState(provider, ServiceModel.STATIC, "r1", false, null, Map.of(),
                    "abc123", NOW, NOW, List.of(), Map.of());
            EnvironmentState state = new EnvironmentState(dev.clouddemo.core.model.EnvName.of("dev-" + provider), Map.of(deployment.key(), deployment));
            environments.add(new EnvironmentEntry("dev-" + provider, "dev.json", Optional.of(state), null,
                    Optional.empty()));
        }
        return new DoctorReport(providers, new DoctorReport.StateCheck("home", true, true, environments,
                List.of()), List.of());
    }

    @Test
    void problems_unusedProviderNotSetUp_isNotAProblemButIsShown() {
        // when
        DoctorReport report = report(List.of(working("alpha"), unscoped("beta")));

        // then
        assertThat(report.problems()).isEmpty();
        assertThat(report.notSetUp()).containsExactly("beta: no beta scope chosen");
    }

    @Test
    void problems_providerWithDeploymentsNotSetUp_isAProblem() {
        // when
        DoctorReport report = report(List.of(working("alpha"), unscoped("beta")), "beta");

        // then
        assertThat(report.problems()).containsExactly("beta: no beta scope chosen");
        assertThat(report.notSetUp()).isEmpty();
    }

    @Test
    void problems_noProviderSetUp_everyProviderIsAProblem() {
        // when
        DoctorReport report = report(List.of(unscoped("alpha"), unscoped("beta")));

        // then
        assertThat(report.problems()).containsExactly("alpha: no alpha scope chosen", "beta: no beta scope chosen");
        assertThat(report.notSetUp()).isEmpty();
    }
}
