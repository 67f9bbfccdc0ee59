package dev.clouddemo.azure.vm;

import dev.clouddemo.core.kit.net.IngressPolicy;
import dev.clouddemo.core.kit.vm.StartupScript;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a plan decided the VM is: its name (the VM's; its network parts add a suffix), size, market,
 * start-up script, SSH public key (the user's, or a throwaway one: {@code keyGiven} false), ingress
 * rules and prices.
 */
record AzureVmSpec(String name, String size, boolean spot, BigDecimal maxPrice, boolean spotFallback, StartupScript script,
        String publicKey, boolean keyGiven, List<IngressPolicy.Rule> rules, AzureVmPrices.Quote prices) {

    AzureVmSpec withKey(String key) {
        return new AzureVmSpec(name, size, spot, maxPrice, spotFallback, script, key, keyGiven, rules, prices);
    }
}
