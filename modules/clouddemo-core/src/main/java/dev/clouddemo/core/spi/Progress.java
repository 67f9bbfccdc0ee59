package dev.clouddemo.core.spi;

/** Progress and diagnostics for the user (stderr in the CLI); results go elsewhere. */
public interface Progress {
    void info(String message);

    void warn(String message);

    Progress SILENT = new Progress() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
}
