package dev.clouddemo.gcp.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import org.junit.jupiter.api.Test;

class AppEngineLocationsTest {
    @Test
    void of_twoRenamedRegions_locationWithoutTheOne() {
        assertThat(AppEngineLocations.of("us-central1")).hasValue("us-central");
        assertThat(AppEngineLocations.of("europe-west1")).hasValue("europe-west");
    }

    @Test
    void of_otherServedRegions_sameName() {
        assertThat(AppEngineLocations.of("europe-west2")).hasValue("europe-west2");
        assertThat(AppEngineLocations.of("asia-northeast1")).hasValue("asia-northeast1");
        assertThat(AppEngineLocations.of("us-east4")).hasValue("us-east4");
    }

    @Test
    void require_regionWithoutAppEngine_invalidInputListingTheServedOnes() {
        // given: a Compute Engine region App Engine does not serve
        ClouddemoException e = catchThrowableOfType(ClouddemoException.class, () -> AppEngineLocations.require("europe-west4"));

        // then
        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(e.getMessage()).contains("App Engine has no location in region europe-west4");
        assertThat(e.hint()).contains("us-central1 (location us-central)").contains("europe-west1 (europe-west)")
                .contains("europe-west2");
    }

    @Test
    void region_ofALocation_theRegionItIsIn() {
        assertThat(AppEngineLocations.region("us-central")).isEqualTo("us-central1");
        assertThat(AppEngineLocations.region("asia-east1")).isEqualTo("asia-east1");
    }
}
