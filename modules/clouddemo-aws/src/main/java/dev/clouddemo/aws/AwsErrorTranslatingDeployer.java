package dev.clouddemo.aws;

import dev.clouddemo.core.plan.Plan;
import dev.clouddemo.core.spi.Deployer;
import dev.clouddemo.core.spi.DeploymentContext;
import software.amazon.awssdk.core.exception.SdkException;

/** Wraps an AWS deployer so every SDK failure reaches the user as a clear error. */
final class AwsErrorTranslatingDeployer implements Deployer {
    private final Deployer delegate;
    private final AwsSession session;

    AwsErrorTranslatingDeployer(Deployer delegate, AwsSession session) {
        this.delegate = delegate;
        this.session = session;
    }

    @Override
    public Plan plan(DeploymentContext context) {
        try {
            return delegate.plan(context);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "planning " + context.model().id(), session);
        }
    }

    @Override
    public void apply(Plan plan, DeploymentContext context) {
        try {
            delegate.apply(plan, context);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "deploying " + context.model().id(), session);
        }
    }

    @Override
    public void destroy(DeploymentContext context) {
        try {
            delegate.destroy(context);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "destroying " + context.model().id(), session);
        }
    }
}
