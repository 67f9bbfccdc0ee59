package dev.clouddemo.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.kit.price.Rate;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.model.Tags;
import dev.clouddemo.core.plan.Cost;
import dev.clouddemo.core.plan.CostLine;
import dev.clouddemo.core.spi.FoundResource;
import dev.clouddemo.core.spi.Progress;
import dev.clouddemo.core.spi.Target;
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

/** sweep --expired with a fixed clock: found by tag search, not state; only the expired deployment goes. */
class EngineExpiredSweepTest {
    private static final Instant T0 = Instant.parse("2026-12-02T06:00:00Z");
    private static final Instant LATER = T0.plus(Duration.ofHours(2));
    @TempDir
    Path tmp;
    private Path source;
    private StateStore deployer;
    private FakeCloudProvider fake;

    @BeforeEach
    void setUp() throws IOException {
        source = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(source.resolve("index.html"), "<h1>hi</h1>");
        deployer = new StateStore(tmp.resolve("deployer"));
        fake = new FakeCloudProvider();
        fake.cost = Cost.of(List.of(CostLine.hourly("vm", BigDecimal.ONE, new Rate("*", "vm", "instance-hour",
                new BigDecimal("0.0104"), null, BigDecimal.ZERO, LocalDate.of(2025, 6, 1), "https://example.com"))),
                List.of());
        Engine atT0 = engine(deployer, T0);
        atT0.deploy(DeployRequest.of("old", "fake", ServiceModel.STATIC, new Target(null, false, null), source)
                .withTtl(Duration.ofMinutes(30)));
        atT0.deploy(DeployRequest.of("young", "fake", ServiceModel.STATIC, new Target(null, false, null), source)
                .withTtl(Duration.ofDays(1)));
    }

    private Engine engine(StateStore store, Instant now) {
        return new Engine(new ProviderRegistry(List.of(fake)), store, Progress.SILENT, Clock.fixed(now, ZoneOffset.UTC));
    }

    private List<String> envsInTheCloud() {
        return fake.cloud.values().stream().map(r -> r.tags().get(Tags.ENV)).distinct().toList();
    }

    @Test
    void sweepExpired_fromAStateFolderThatKnowsNeither_removesOnlyTheExpiredOne() {
        Engine ci = engine(new StateStore(tmp.resolve("ci-runner")), LATER);

        // when: listed only
        ExpiredSweepResult listed = ci.sweepExpired(null, new Target(null, false, null), d -> false);

        // then: the expired one, with its age; its cost so far unknown without state
        assertThat(listed.expired()).singleElement().satisfies(d -> {
            assertThat(d.env()).isEqualTo("old");
            assertThat(d.age(LATER)).contains(Duration.ofHours(2));
            assertThat(d.expiredText(LATER)).isEqualTo("expired 1h 30m ago");
            assertThat(d.costSoFar(LATER)).isEmpty();
            assertThat(d.left()).isNull();
        });
        assertThat(envsInTheCloud()).containsExactlyInAnyOrder("old", "young");

        // when: removed
        ExpiredSweepResult swept = ci.sweepExpired(null, new Target(null, false, null), d -> true);

        // then: gone by tag search, the other kept
        assertThat(swept.expired()).singleElement().satisfies(d -> assertThat(d.removed()).isTrue());
        assertThat(swept.notRemoved()).isEmpty();
        assertThat(envsInTheCloud()).containsExactly("young");
        assertThat(ci.sweepExpired(null, new Target(null, false, null), d -> true).expired()).isEmpty();
    }

    @Test
    void sweepExpired_fromTheDeployersStateFolder_costSoFarKnownAndStateForgetsIt() {
        Engine own = engine(deployer, LATER);

        ExpiredSweepResult swept = own.sweepExpired(null, new Target(null, false, null), d -> true);

        assertThat(swept.expired()).singleElement().satisfies(d ->
                assertThat(d.costSoFar(LATER)).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.0208")));
        assertThat(deployer.read(EnvName.of("old")).map(e -> e.deployments().isEmpty()).orElse(true)).isTrue();
        assertThat(deployer.read(EnvName.of("young")).orElseThrow().deployments()).hasSize(1);
    }

    @Test
    void sweepExpired_oneResourceRetaggedLater_theDeploymentIsKeptByItsLatestExpiry() {
        // given: a second resource of "old" whose tag a redeploy with a new --ttl extended to a day
        FoundResource first = fake.cloud.values().stream().filter(r -> "old".equals(r.tags().get(Tags.ENV))).findFirst()
                .orElseThrow();
        java.util.Map<String, String> extended = new java.util.HashMap<>(first.tags());
        extended.put(Tags.EXPIRES_AT, dev.clouddemo.core.model.Expiry.encode(T0.plus(Duration.ofDays(1))));
        fake.cloud.put("retagged", new FoundResource("retagged", first.type(), "retagged", null, extended));

        // when
        ExpiredSweepResult swept = engine(new StateStore(tmp.resolve("ci-runner")), LATER)
                .sweepExpired(null, new Target(null, false, null), d -> true);

        // then: nothing of it is expired, nothing removed
        assertThat(swept.expired()).isEmpty();
        assertThat(envsInTheCloud()).containsExactlyInAnyOrder("old", "young");
        assertThat(fake.cloud).containsKey(first.id());
    }
}
