package dev.clouddemo.azure.function;

import dev.clouddemo.azure.ArmReads;
import com.azure.resourcemanager.appservice.fluent.WebSiteManagementClient;
import com.azure.resourcemanager.appservice.fluent.models.AppServicePlanInner;
import com.azure.resourcemanager.appservice.fluent.models.SiteConfigInner;
import com.azure.resourcemanager.appservice.fluent.models.SiteInner;
import com.azure.resourcemanager.appservice.models.FtpsState;
import com.azure.resourcemanager.appservice.models.FunctionAppConfig;
import com.azure.resourcemanager.appservice.models.FunctionsDeployment;
import com.azure.resourcemanager.appservice.models.FunctionsDeploymentStorage;
import com.azure.resourcemanager.appservice.models.FunctionsDeploymentStorageAuthentication;
import com.azure.resourcemanager.appservice.models.FunctionsDeploymentStorageType;
import com.azure.resourcemanager.appservice.models.FunctionsRuntime;
import com.azure.resourcemanager.appservice.models.FunctionsScaleAndConcurrency;
import com.azure.resourcemanager.appservice.models.NameValuePair;
import com.azure.resourcemanager.appservice.models.RuntimeName;
import com.azure.resourcemanager.appservice.models.SkuDescription;
import com.azure.resourcemanager.appservice.models.SupportedTlsVersions;
import com.azure.resourcemanager.appservice.models.AuthenticationType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Flex Consumption plan and its Function App through App Service's inner clients (the fluent
 * FunctionApp builder knows no Flex): the plan {@value #SKU} ({@value #TIER}, Linux), the site of
 * kind {@value #KIND} with its {@code functionAppConfig} — the runtime, the scale, and the blob
 * container One Deploy puts packages in. Flex takes its runtime from {@code functionAppConfig}
 * only: the app settings {@code FUNCTIONS_WORKER_RUNTIME} and {@code FUNCTIONS_EXTENSION_VERSION}
 * that other plans need are refused there, so they are never sent.
 */
final class FlexFunctionApps {
    static final String SKU = "FC1";
    static final String TIER = "FlexConsumption";
    static final String KIND = "functionapp,linux";
    /** The newest Python the Flex runtimes offered when this was written (not listed live: see the model's doc). */
    static final String PYTHON = "3.12";
    static final int MEMORY_MB = 2048;
    /** The fewest instances Flex scales out to at most; a lab's page never needs more. */
    static final int MAX_INSTANCES = 40;
    /** The app setting holding the connection string the deployment container is reached with. */
    static final String DEPLOYMENT_STORAGE_SETTING = "DEPLOYMENT_STORAGE_CONNECTION_STRING";
    /** The app setting the demo handler reads for its HTTP trigger's auth level (ANONYMOUS, or FUNCTION with --private). */
    static final String AUTH_LEVEL_SETTING = "CLOUDDEMO_AUTH_LEVEL";

    private final Supplier<WebSiteManagementClient> client;

    FlexFunctionApps(Supplier<WebSiteManagementClient> client) {
        this.client = client;
    }

    /** What a site is to be: its plan, runtime, where its packages go and how its trigger is reached. */
    record SiteSpec(String planId, String containerUrl, boolean privateUrl, Map<String, String> tags) {
    }

    Optional<AppServicePlanInner> plan(String group, String name) {
        return ArmReads.found(() -> client.get().getAppServicePlans().getByResourceGroup(group, name));
    }

    /** Creates (or rewrites) the FC1 plan, tagged; its id. */
    String putPlan(String group, String name, String location, Map<String, String> tags) {
        return client.get().getAppServicePlans().createOrUpdate(group, name, new AppServicePlanInner()
                .withLocation(location)
                .withTags(tags)
                .withKind("functionapp")
                .withSku(new SkuDescription().withName(SKU).withTier(TIER))
                .withReserved(true)).id();
    }

    Optional<SiteInner> site(String group, String name) {
        return ArmReads.found(() -> client.get().getWebApps().getByResourceGroup(group, name));
    }

    /**
     * Creates (or rewrites) the site. {@code storage} is the account's connection string: the host's
     * storage and the deployment container's access, sent to Azure as app settings and kept nowhere else.
     */
    SiteInner putSite(String group, String name, String location, SiteSpec spec, String storage) {
        List<NameValuePair> settings = new ArrayList<>();
        settings.add(new NameValuePair().withName("AzureWebJobsStorage").withValue(storage));
        settings.add(new NameValuePair().withName(DEPLOYMENT_STORAGE_SETTING).withValue(storage));
        settings.add(new NameValuePair().withName(AUTH_LEVEL_SETTING).withValue(authLevel(spec.privateUrl())));
        return client.get().getWebApps().createOrUpdate(group, name, new SiteInner()
                .withLocation(location)
                .withTags(spec.tags())
                .withKind(KIND)
                .withServerFarmId(spec.planId())
                .withReserved(true)
                .withHttpsOnly(true)
                .withSiteConfig(new SiteConfigInner()
                        .withAppSettings(settings)
                        .withMinTlsVersion(SupportedTlsVersions.ONE_TWO)
                        .withFtpsState(FtpsState.DISABLED))
                .withFunctionAppConfig(new FunctionAppConfig()
                        .withDeployment(new FunctionsDeployment().withStorage(new FunctionsDeploymentStorage()
                                .withType(FunctionsDeploymentStorageType.BLOB_CONTAINER)
                                .withValue(spec.containerUrl())
                                .withAuthentication(new FunctionsDeploymentStorageAuthentication()
                                        .withType(AuthenticationType.STORAGE_ACCOUNT_CONNECTION_STRING)
                                        .withStorageAccountConnectionStringName(DEPLOYMENT_STORAGE_SETTING))))
                        .withRuntime(new FunctionsRuntime().withName(RuntimeName.PYTHON).withVersion(PYTHON))
                        .withScaleAndConcurrency(new FunctionsScaleAndConcurrency()
                                .withMaximumInstanceCount(MAX_INSTANCES)
                                .withInstanceMemoryMB(MEMORY_MB))));
    }

    static String authLevel(boolean privateUrl) {
        return privateUrl ? "FUNCTION" : "ANONYMOUS";
    }

    /** The Python version the site runs, if it says. */
    static Optional<String> runtime(SiteInner site) {
        return Optional.ofNullable(site.functionAppConfig()).map(FunctionAppConfig::runtime)
                .map(r -> String.valueOf(r.name()) + " " + r.version());
    }
}
