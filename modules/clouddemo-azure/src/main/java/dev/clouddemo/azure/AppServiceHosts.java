package dev.clouddemo.azure;

import com.azure.resourcemanager.appservice.fluent.models.SiteInner;
import com.azure.resourcemanager.appservice.models.HostType;
import com.azure.resourcemanager.appservice.models.HostnameSslState;

/** The host names App Service gives a site (a Web App or a Function App), as Azure lists them. */
public final class AppServiceHosts {
    private AppServiceHosts() {
    }

    /**
     * The site's deployment (Kudu, SCM) host: the Repository entry of its host names, as Azure gives
     * it (sites get regional names such as {@code app-abc.scm.eastus-01.azurewebsites.net}: never
     * built from the app's name), else {@code <name>.scm.<domain>} from its default host name.
     */
    public static String scm(SiteInner site) {
        if (site.hostnameSslStates() != null) {
            for (HostnameSslState state : site.hostnameSslStates()) {
                if (HostType.REPOSITORY.equals(state.hostType()) && state.name() != null) {
                    return state.name();
                }
            }
        }
        String host = site.defaultHostname();
        int dot = host.indexOf('.');
        return host.substring(0, dot) + ".scm" + host.substring(dot);
    }
}
