package dev.clouddemo.aws.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Ec2InstanceTypesTest {
    private static final List<String> OFFERED = List.of("c5.large", "m5.large", "t2.micro", "t3.micro", "t3.small",
            "t3a.micro", "t4g.micro");

    @Test
    void nearest_typo_theIntendedTypeFirst() {
        assertThat(Ec2InstanceTypes.nearest("t3.mikro", OFFERED, 3)).containsExactly("t3.micro", "t2.micro", "t3a.micro");
    }

    @Test
    void nearest_typeMissingInRegion_sameSizeNeighbours() {
        assertThat(Ec2InstanceTypes.nearest("t4g.small", OFFERED, 2)).containsExactly("t3.small", "t4g.micro");
    }
}
