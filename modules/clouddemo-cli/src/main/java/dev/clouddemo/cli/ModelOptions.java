package dev.clouddemo.cli;

import dev.clouddemo.core.model.DeployOptions;
import java.math.BigDecimal;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options that apply to one service model; the core checks they fit the model chosen. */
final class ModelOptions {
    @Option(names = "--private", description = "faas: a URL only authorised callers may invoke (AWS_IAM auth on AWS; no allUsers invoker on Google Cloud).")
    boolean privateUrl;

    @Option(names = "--spot", description = "iaas: launch a spot instance (cheaper, can be interrupted).")
    boolean spot;

    @Option(names = "--max-price", paramLabel = "USD", description = "iaas --spot: the most to pay per hour.")
    BigDecimal maxPrice;

    @Option(names = "--spot-fallback", description = "iaas --spot: launch on-demand when no spot capacity is offered.")
    boolean spotFallback;

    @Option(names = "--ssh", description = "iaas: open port 22, to your public address only (or --ssh-cidr).")
    boolean ssh;

    @Option(names = "--ssh-cidr", paramLabel = "CIDR", description = "iaas --ssh: who may connect, e.g. 203.0.113.7/32.")
    String sshCidr;

    @Option(names = "--ssh-key", paramLabel = "FILE.pub", description = "iaas: the VM's SSH public key (AWS: imported as its key pair; Azure: its only sign-in).")
    Path sshKey;

    @Option(names = "--sku", paramLabel = "SIZE", description = "paas: the size of the app's plan (Azure App Service plan SKU, default F1, free; Google Cloud App Engine instance class, default F1). AWS Elastic Beanstalk runs one t3.micro and takes no --sku.")
    String sku;

    @Option(names = "--instance-type", paramLabel = "TYPE", description = "iaas: instance type, VM size or machine type (default: AWS t3.micro; Azure Standard_B1s, with --spot Standard_D2as_v5; Google Cloud e2-micro).")
    String instanceType;

    DeployOptions options() {
        return new DeployOptions(privateUrl, spot, maxPrice, spotFallback, ssh, sshCidr, sshKey, instanceType, sku);
    }
}
