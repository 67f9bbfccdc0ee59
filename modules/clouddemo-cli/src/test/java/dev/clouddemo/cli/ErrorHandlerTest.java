package dev.clouddemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

class ErrorHandlerTest {
    private final StringWriter err = new StringWriter();

    private int handle(Exception e) {
        ClouddemoCommand root = new ClouddemoCommand();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setErr(new PrintWriter(err, true));
        return new ErrorHandler(root).handleExecutionException(e, commandLine, null);
    }

    @Test
    void handleExecutionException_clouddemoExceptionWithoutMessage_saysWhatFailedNotNull() {
        // when
        int code = handle(new ClouddemoException(ExitCode.CLOUD_FAILURE, null, null));

        // then
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: ").doesNotContain("null").hasLineCount(1);
    }

    @Test
    void handleExecutionException_unexpectedExceptionWithoutMessage_namesNoJavaClass() {
        // when
        int code = handle(new NullPointerException());

        // then
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: ").contains("hint: ")
                .doesNotContain("null").doesNotContain("Exception").doesNotContain("java.");
    }

    @Test
    void userMessage_converterFailedWithJdkException_namesOptionAndValueOnly() {
        // given: what picocli says when a converter throws something other than TypeConversionException
        CommandLine commandLine = new CommandLine(new ClouddemoCommand());
        OptionSpec option = OptionSpec.builder("--max-price").paramLabel("USD").type(java.math.BigDecimal.class).build();
        ParameterException ex = new ParameterException(commandLine, "Invalid value for option '--max-price':"
                + " cannot convert 'abc' to BigDecimal (java.lang.NumberFormatException: null)", option, "abc");

        // when
        String message = ErrorHandler.userMessage(ex);

        // then
        assertThat(message).isEqualTo("invalid value 'abc' for option '--max-price' (expected USD)");
    }
}
