package dev.clouddemo.core.kit.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IngressPolicyTest {
    @Test
    void rules_noSsh_onlyHttpFromAnywhere() {
        assertThat(IngressPolicy.rules(null)).containsExactly(new IngressPolicy.Rule(80, "0.0.0.0/0"));
    }

    @Test
    void rules_sshFromOneAddress_httpAndSshFromThatAddressOnly() {
        List<IngressPolicy.Rule> rules = IngressPolicy.rules("203.0.113.7/32");

        assertThat(rules).containsExactly(new IngressPolicy.Rule(80, "0.0.0.0/0"), new IngressPolicy.Rule(22, "203.0.113.7/32"));
        assertThat(rules.get(1).describe()).isEqualTo("SSH (22) from 203.0.113.7/32");
    }

    @Test
    void rules_sshFromTheWholeInternetOrTooWide_refused() {
        assertThatThrownBy(() -> IngressPolicy.rules("0.0.0.0/0")).hasMessageContaining("SSH is never opened to 0.0.0.0/0");
        assertThatThrownBy(() -> IngressPolicy.rules("10.0.0.0/7")).hasMessageContaining("never opened");
        assertThatThrownBy(() -> IngressPolicy.rules("300.1.1.1/32")).hasMessageContaining("not an IPv4 CIDR");
        assertThatThrownBy(() -> IngressPolicy.rules("::/0")).hasMessageContaining("not an IPv4 CIDR");
        assertThat(IngressPolicy.rules("10.0.0.0/8")).hasSize(2);
    }

    @Test
    void sshCidrProblem_eachKindOfBadRange_saysWhat() {
        assertThat(IngressPolicy.sshCidrProblem("203.0.113.7/32")).isEmpty();
        assertThat(IngressPolicy.sshCidrProblem("203.0.113.7")).contains("--ssh-cidr '203.0.113.7' is not an IPv4 CIDR"
                + " like 203.0.113.7/32");
        assertThat(IngressPolicy.sshCidrProblem("1.2.3.4/33")).contains("--ssh-cidr '1.2.3.4/33' has a prefix over 32");
        assertThat(IngressPolicy.sshCidrProblem("0.0.0.0/0")).hasValueSatisfying(p -> assertThat(p)
                .contains("opens SSH to too much of the internet (prefix /0)"));
    }
}
