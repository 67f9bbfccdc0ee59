package dev.clouddemo.azure.app;

import dev.clouddemo.azure.ArmReads;
import com.azure.resourcemanager.appservice.fluent.WebSiteManagementClient;
import com.azure.resourcemanager.appservice.fluent.models.AppServicePlanInner;
import com.azure.resourcemanager.appservice.fluent.models.SiteConfigInner;
import com.azure.resourcemanager.appservice.fluent.models.SiteInner;
import com.azure.resourcemanager.appservice.fluent.models.StringDictionaryInner;
import com.azure.resourcemanager.appservice.models.FtpsState;
import com.azure.resourcemanager.appservice.models.NameValuePair;
import com.azure.resourcemanager.appservice.models.SkuDescription;
import com.azure.resourcemanager.appservice.models.SupportedTlsVersions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The App Service plan and Web App of the paas model, through the SDK's inner clients: a Linux plan
 * ({@code reserved}) of one size, and a Python Web App on it, HTTPS only, TLS 1.2, FTP off, Always On
 * off (F1 refuses it), which builds the code it is given ({@link #BUILD_SETTING}) and starts it with
 * gunicorn ({@link #STARTUP}).
 */
final class AzureWebApps {
    static final String RUNTIME = "PYTHON|3.12";
    /**
     * App Service's own start-up for Flask looks for {@code app} in {@code application.py} or
     * {@code app.py}; the demo app (shared with Elastic Beanstalk) names its callable {@code application}.
     */
    static final String STARTUP = "gunicorn --bind=0.0.0.0 --timeout 600 application:application";
    /** Oryx installs requirements.txt during the zip deployment when this is true. */
    static final String BUILD_SETTING = "SCM_DO_BUILD_DURING_DEPLOYMENT";
    static final Map<String, String> SETTINGS = Map.of(BUILD_SETTING, "true");

    private final Supplier<WebSiteManagementClient> client;

    AzureWebApps(Supplier<WebSiteManagementClient> client) {
        this.client = client;
    }

    Optional<AppServicePlanInner> plan(String group, String name) {
        return ArmReads.found(() -> client.get().getAppServicePlans().getByResourceGroup(group, name));
    }

    /** Creates or resizes the plan; returns it. */
    AppServicePlanInner putPlan(String group, String name, String location, Map<String, String> tags, String sku) {
        AppServicePlanInner plan = new AppServicePlanInner().withKind("linux").withReserved(true)
                .withSku(new SkuDescription().withName(sku).withTier(AppServicePlanSkus.tier(sku)).withCapacity(1));
        plan.withLocation(location).withTags(tags);
        return client.get().getAppServicePlans().createOrUpdate(group, name, plan);
    }

    Optional<SiteInner> site(String group, String name) {
        return ArmReads.found(() -> client.get().getWebApps().getByResourceGroup(group, name));
    }

    /** Creates or updates the Web App on the plan, with the build setting; returns it. */
    SiteInner putSite(String group, String name, String location, Map<String, String> tags, String planId) {
        List<NameValuePair> settings = new ArrayList<>();
        SETTINGS.forEach((k, v) -> settings.add(new NameValuePair().withName(k).withValue(v)));
        SiteInner site = new SiteInner().withKind("app,linux").withServerFarmId(planId).withHttpsOnly(true)
                .withSiteConfig(new SiteConfigInner().withLinuxFxVersion(RUNTIME).withAppCommandLine(STARTUP)
                        .withAlwaysOn(false).withFtpsState(FtpsState.DISABLED).withMinTlsVersion(SupportedTlsVersions.ONE_TWO)
                        .withAppSettings(settings));
        site.withLocation(location).withTags(tags);
        return client.get().getWebApps().createOrUpdate(group, name, site);
    }

    /**
     * Whether a resource's clouddemo tags (the {@code clouddemo-} keys: Azure and other tools add
     * their own, such as {@code hidden-link:}) differ from the deployment's, a new TTL say.
     */
    static boolean tagsDiffer(Map<String, String> current, Map<String, String> wanted) {
        Map<String, String> ours = new java.util.TreeMap<>();
        if (current != null) {
            current.forEach((k, v) -> {
                if (k.startsWith("clouddemo-")) {
                    ours.put(k, v);
                }
            });
        }
        return !ours.equals(new java.util.TreeMap<>(wanted));
    }

    /** Why a Web App is not the one the model makes (each reason an update); empty when it is. */
    static List<String> differences(SiteInner site, String planId, Map<String, String> tags) {
        List<String> why = new ArrayList<>();
        if (tagsDiffer(site.tags(), tags)) {
            why.add("tags → " + new java.util.TreeMap<>(tags));
        }
        String runtime = site.siteConfig() == null ? null : site.siteConfig().linuxFxVersion();
        if (runtime != null && !RUNTIME.equalsIgnoreCase(runtime)) {
            why.add("runtime " + runtime + " → " + RUNTIME);
        }
        if (!Boolean.TRUE.equals(site.httpsOnly())) {
            why.add("HTTPS only");
        }
        if (site.serverFarmId() != null && planId != null && !site.serverFarmId().equalsIgnoreCase(planId)) {
            why.add("plan → " + planId.substring(planId.lastIndexOf('/') + 1));
        }
        return why;
    }

    /** The app settings (a POST to {@code config/appsettings/list}, which only reads). */
    Map<String, String> settings(String group, String name) {
        StringDictionaryInner settings = client.get().getWebApps().listApplicationSettings(group, name);
        return settings == null || settings.properties() == null ? Map.of() : settings.properties();
    }

    /** The settings the model needs that the app lacks or holds otherwise. */
    static Map<String, String> missing(Map<String, String> current) {
        Map<String, String> missing = new LinkedHashMap<>();
        SETTINGS.forEach((k, v) -> {
            if (!v.equalsIgnoreCase(current.get(k))) {
                missing.put(k, v);
            }
        });
        return missing;
    }

    /** Writes the model's settings over the app's current ones (others kept: the call replaces them all). */
    void putSettings(String group, String name) {
        Map<String, String> merged = new LinkedHashMap<>(settings(group, name));
        merged.putAll(SETTINGS);
        client.get().getWebApps().updateApplicationSettings(group, name, new StringDictionaryInner().withProperties(merged));
    }
}
