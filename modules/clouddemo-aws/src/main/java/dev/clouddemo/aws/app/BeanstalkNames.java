package dev.clouddemo.aws.app;

import dev.clouddemo.core.kit.bundle.PythonBundle;
import dev.clouddemo.core.model.EnvName;
import dev.clouddemo.core.model.ResourceNames;
import dev.clouddemo.core.model.ServiceModel;
import dev.clouddemo.core.spi.DeploymentContext;

/**
 * The names of one paas deployment, all derived from env and suffix so that a run that stopped
 * early, or destroy, finds the same resources again: application
 * {@code clouddemo-<env>-paas-<suffix>}, source bucket {@code …-src}, and the environment
 * {@code cd-<env>-<suffix>} (Beanstalk allows 4–40 characters there).
 */
record BeanstalkNames(String application, String environment, String bucket) {
    static final int MAX_ENVIRONMENT_NAME = 40;

    static BeanstalkNames of(DeploymentContext context) {
        return of(context.env(), context.suffix());
    }

    static BeanstalkNames of(EnvName env, String suffix) {
        String application = ResourceNames.dnsName(env, ServiceModel.PAAS, suffix);
        String environment = "cd-" + env.value() + "-" + suffix;
        if (environment.length() > MAX_ENVIRONMENT_NAME) {
            throw new IllegalStateException("environment name too long: " + environment);
        }
        return new BeanstalkNames(application, environment, application + "-src");
    }

    /** The version of a bundle: {@code v-} and the first 12 hex digits of its code's SHA-256. */
    static String versionLabel(PythonBundle bundle) {
        return "v-" + bundle.codeSha256().substring(0, 12);
    }

    /** Where a version's source bundle lives in the source bucket. */
    static String bundleKey(String versionLabel) {
        return "bundles/" + versionLabel + ".zip";
    }
}
