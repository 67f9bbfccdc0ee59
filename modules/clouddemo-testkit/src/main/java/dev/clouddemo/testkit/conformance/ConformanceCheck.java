package dev.clouddemo.testkit.conformance;

/** The checks of {@link ProviderConformanceSuite}; a ground may declare one it cannot support. */
public enum ConformanceCheck {
    PLAN_WRITES_NOTHING,
    DEPLOY_RECORDS_EVERYTHING,
    REDEPLOY_WRITES_NOTHING,
    CHANGE_WRITES_ONLY_THE_CHANGE,
    DESTROY_LEAVES_NOTHING,
    CRASH_AFTER_INTENT_ADOPTED,
    INTERRUPT_KEEPS_STATE_TRUE,
    BAD_INPUT_BEFORE_ANY_CALL,
    /** A redeploy with a new --ttl retags what it keeps (else the engine keeps the old expiry and says so). */
    NEW_TTL_RETAGS
}
