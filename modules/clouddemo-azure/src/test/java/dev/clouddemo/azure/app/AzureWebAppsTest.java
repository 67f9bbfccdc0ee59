package dev.clouddemo.azure.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.resourcemanager.appservice.fluent.models.SiteConfigInner;
import com.azure.resourcemanager.appservice.fluent.models.SiteInner;
import com.azure.resourcemanager.appservice.models.HostType;
import com.azure.resourcemanager.appservice.models.HostnameSslState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureWebAppsTest {
    private static final String PLAN = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/serverfarms/app-plan";

    private static final Map<String, String> TAGS = Map.of("clouddemo-env", "dev", "clouddemo-model", "paas");

    @Test
    void differences_theModelsApp_none() {
        SiteInner site = new SiteInner().withHttpsOnly(true).withServerFarmId(PLAN)
                .withSiteConfig(new SiteConfigInner().withLinuxFxVersion("PYTHON|3.12"));
        site.withTags(Map.of("clouddemo-env", "dev", "clouddemo-model", "paas", "hidden-link: /app-insights", "x"));

        assertThat(AzureWebApps.differences(site, PLAN, TAGS)).isEmpty();
    }

    @Test
    void tagsDiffer_expiryAddedOrRemoved_yes() {
        assertThat(AzureWebApps.tagsDiffer(TAGS, Map.of("clouddemo-env", "dev", "clouddemo-model", "paas",
                "clouddemo-expires-at", "2026-12-04T18:00:00Z"))).isTrue();
        assertThat(AzureWebApps.tagsDiffer(Map.of("clouddemo-env", "dev", "clouddemo-model", "paas",
                "clouddemo-expires-at", "2026-12-04T18:00:00Z"), TAGS)).isTrue();
        assertThat(AzureWebApps.tagsDiffer(null, TAGS)).isTrue();
    }

    @Test
    void differences_otherRuntimeHttpAllowedOtherPlan_eachNamed() {
        SiteInner site = new SiteInner().withHttpsOnly(false).withServerFarmId(PLAN + "-old")
                .withSiteConfig(new SiteConfigInner().withLinuxFxVersion("PYTHON|3.9"));

        site.withTags(TAGS);

        assertThat(AzureWebApps.differences(site, PLAN, TAGS)).containsExactly("runtime PYTHON|3.9 → PYTHON|3.12", "HTTPS only",
                "plan → app-plan");
    }

    @Test
    void missing_buildSettingOffOrAbsent_setAgain() {
        assertThat(AzureWebApps.missing(Map.of("SCM_DO_BUILD_DURING_DEPLOYMENT", "false", "OTHER", "x")))
                .containsExactly(Map.entry("SCM_DO_BUILD_DURING_DEPLOYMENT", "true"));
        assertThat(AzureWebApps.missing(Map.of("SCM_DO_BUILD_DURING_DEPLOYMENT", "True"))).isEmpty();
    }

    @Test
    void scmHost_repositoryHostElseScmBesideTheDefault() {
        SiteInner withStates = new SiteInner().withHostnameSslStates(List.of(
                new HostnameSslState().withName("app.azurewebsites.net").withHostType(HostType.STANDARD),
                new HostnameSslState().withName("app-h4sh.scm.eastus-01.azurewebsites.net").withHostType(HostType.REPOSITORY)));

        assertThat(dev.clouddemo.azure.AppServiceHosts.scm(withStates)).isEqualTo("app-h4sh.scm.eastus-01.azurewebsites.net");
    }
}
