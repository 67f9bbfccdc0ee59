package dev.clouddemo.azure;

import com.azure.core.management.exception.ManagementException;
import java.util.Optional;
import java.util.function.Supplier;

/** Resource Manager reads as every model makes them. */
public final class ArmReads {
    private ArmReads() {
    }

    /** A read that answers 404 is "none". */
    public static <T> Optional<T> found(Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (ManagementException e) {
            if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
