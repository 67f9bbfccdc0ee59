package dev.clouddemo.aws.app;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the Elastic Beanstalk platform to run on from ListAvailableSolutionStacks: the newest
 * "64bit Amazon Linux 2023 v… running Python 3.x", compared by numbers (Python 3.13 beats 3.9,
 * platform v4.10.0 beats v4.9.2), never a hard-coded name that goes stale.
 */
final class BeanstalkSolutionStacks {
    private static final Pattern PYTHON_AL2023 =
            Pattern.compile("64bit Amazon Linux 2023 v(\\d+(?:\\.\\d+)*) running Python (3(?:\\.\\d+)*)");

    /** Newest Python first, then the newest platform version of that Python. */
    static final Comparator<String> NEWEST_LAST = Comparator
            .comparing((String stack) -> version(stack, 2), BeanstalkSolutionStacks::compareVersions)
            .thenComparing(stack -> version(stack, 1), BeanstalkSolutionStacks::compareVersions);

    private BeanstalkSolutionStacks() {
    }

    /** The newest Python platform on Amazon Linux 2023 among these solution stack names. */
    static Optional<String> newestPython(Collection<String> stacks) {
        return stacks.stream().filter(BeanstalkSolutionStacks::isPythonAl2023).max(NEWEST_LAST);
    }

    static boolean isPythonAl2023(String stack) {
        return stack != null && PYTHON_AL2023.matcher(stack).matches();
    }

    private static int[] version(String stack, int group) {
        Matcher m = PYTHON_AL2023.matcher(stack);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Python AL2023 stack: " + stack);
        }
        return Arrays.stream(m.group(group).split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    /** Numeric, part by part; a missing part counts as 0 (3.12 equals 3.12.0). */
    private static int compareVersions(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
