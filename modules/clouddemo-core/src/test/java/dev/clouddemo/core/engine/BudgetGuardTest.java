package dev.clouddemo.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import dev.clouddemo.core.kit.price.Rate;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.StateStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --max-cost-per-hour: a plan over the budget, or of unknown cost, is refused before any write call. */
class BudgetGuardTest {
    @TempDir
    Path tmp;
    private Path source;
    private StateStore store;
    private FakeCloudProvider fake;
    private Engine engine;

    @BeforeEach
    void setUp() throws IOException {
        source = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(source.resolve("index.html"), "<h1>hi</h1>");
        store = new StateStore(tmp.resolve("home"));
        fake = new FakeCloudProvider();
        fake.cost = Cost.of(List.of(CostLine.hourly("vm", BigDecimal.ONE, new Rate("*", "vm", "instance-hour",
                new BigDecimal("0.0104"), null, BigDecimal.ZERO, LocalDate.of(2025, 6, 1), "https://example.com"))),
                List.of());
        engine = new Engine(new ProviderRegistry(List.of(fake)), store, Progress.SILENT, Clock.systemUTC());
    }

    private DeployRequest request(String maxPerHour, boolean local) {
        return DeployRequest.of("dev", "fake", ServiceModel.STATIC, new Target(null, local, local ? "http://127.0.0.1:1" : null),
                source).withMaxCostPerHour(maxPerHour == null ? null : new BigDecimal(maxPerHour));
    }

    @Test
    void deploy_planOverTheBudget_refusedWithExit3AndNothingCreated() {
        assertThatThrownBy(() -> engine.deploy(request("0.01", true)))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).isEqualTo("fake/static would cost 0.0104 USD/hour on the real cloud"
                            + " (7.592 USD/month), over --max-cost-per-hour 0.01; nothing was created");
                    assertThat(e.hint()).contains("raise --max-cost-per-hour");
                });
        assertThat(fake.calls).containsExactly("plan", "close");
        assertThat(store.read(EnvName.of("dev"))).isEmpty();
    }

    @Test
    void deploy_planWithinTheBudget_applies() {
        PlanResult result = engine.deploy(request("0.0104", false));

        assertThat(result.applied()).isTrue();
        assertThat(result.plan().cost().local()).isFalse();
    }

    @Test
    void deploy_costUnknownWithABudget_refused_withoutABudget_applies() {
        fake.cost = null;

        assertThatThrownBy(() -> engine.deploy(request("1", false)))
                .isInstanceOfSatisfying(ClouddemoException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
                    assertThat(e.getMessage()).startsWith("the cost of fake/static is unknown");
                });
        assertThat(fake.calls).doesNotContain("apply");
        assertThat(engine.deploy(request(null, false)).applied()).isTrue();
    }

    @Test
    void withMaxCostPerHour_notPositive_invalidInput() {
        assertThatThrownBy(() -> request("0", false)).isInstanceOfSatisfying(ClouddemoException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT));
    }

    @Test
    void plan_onTheEmulator_costLabelledAsTheRealCloud() {
        assertThat(engine.plan(request(null, true)).plan().cost().local()).isTrue();
    }
}
