package dev.clouddemo.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.kit.price.Rate;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
import dev.clouddemo.core.state.DeploymentState;
import dev.clouddemo.core.state.StateStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --ttl with a fixed clock: state records the expiry, a redeploy keeps it unless given a new one. */
class EngineTtlTest {
    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    @TempDir
    Path tmp;
    private Path source;
    private StateStore store;
    private FakeCloudProvider fake;

    @BeforeEach
    void setUp() throws IOException {
        source = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(source.resolve("index.html"), "<h1>hi</h1>");
        store = new StateStore(tmp.resolve("home"));
        fake = new FakeCloudProvider();
        fake.cost = Cost.of(List.of(CostLine.hourly("vm", BigDecimal.ONE, new Rate("*", "vm", "instance-hour",
                new BigDecimal("0.0104"), null, BigDecimal.ZERO, LocalDate.of(2025, 6, 1), "https://example.com"))),
                List.of());
    }

    private Engine at(Instant now) {
        return new Engine(new ProviderRegistry(List.of(fake)), store, Progress.SILENT, Clock.fixed(now, ZoneOffset.UTC));
    }

    private DeployRequest request(Duration ttl) {
        return DeployRequest.of("dev", "fake", ServiceModel.STATIC, new Target(null, false, null), source).withTtl(ttl);
    }

    private DeploymentState recorded() {
        return store.read(EnvName.of("dev")).orElseThrow().deployment("fake/static").orElseThrow();
    }

    @Test
    void deploy_withTtl_recordsExpiryAndCostPerHour() {
        at(NOW).deploy(request(Duration.ofHours(2)));

        assertThat(recorded().expiresAt()).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
        assertThat(recorded().usdPerHour()).isEqualByComparingTo("0.0104");
    }

    @Test
    void plan_withTtl_tagsCarryTheExpiryAndCreation() {
        PlanResult plan = at(NOW).plan(request(Duration.ofMinutes(30)));

        assertThat(plan.deployment().expiresAt()).isEqualTo(Instant.parse("2026-12-02T06:30:00Z"));
        assertThat(store.read(EnvName.of("dev"))).isEmpty();
    }

    @Test
    void redeploy_withoutTtl_keepsIt_withANewOne_replacesIt() {
        at(NOW).deploy(request(Duration.ofHours(2)));
        fake.cost = null; // a change to apply: the fake plans creates only for what state lacks
        PlanResult kept = at(NOW.plusSeconds(600)).plan(request(null));

        assertThat(kept.deployment().expiresAt()).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));

        PlanResult renewed = at(NOW.plusSeconds(600)).plan(request(Duration.ofDays(1)));
        assertThat(renewed.deployment().expiresAt()).isEqualTo(Instant.parse("2026-12-03T06:10:00Z"));
    }

    @Test
    void redeploy_newTtlTheModelDoesNotTurnIntoATagChange_stateKeepsTheOldExpiryAndTheUserIsTold() {
        // given: deployed for two hours; the fake's plan has nothing to write for a kept resource, tags or not
        at(NOW).deploy(request(Duration.ofHours(2)));
        List<String> warnings = new java.util.ArrayList<>();
        Progress kept = new Progress() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };

        // when
        PlanResult result = new Engine(new ProviderRegistry(List.of(fake)), store, kept,
                Clock.fixed(NOW.plusSeconds(600), ZoneOffset.UTC)).deploy(request(Duration.ofDays(1)));

        // then: state stays what the resources' tags say, and the warning says why and what to do
        assertThat(result.applied()).isFalse();
        assertThat(recorded().expiresAt()).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
        assertThat(result.deployment().expiresAt()).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
        assertThat(warnings).singleElement().asString().startsWith("the new --ttl is not applied: fake/static")
                .contains("clouddemo-expires-at=2026-12-02t08-00-00z").contains("destroy and deploy again");
    }
}
