package dev.clouddemo.aws;

import dev.clouddemo.core.error.ClouddemoException;
import dev.clouddemo.core.error.ExitCode;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent calls at the same time (reads while planning, uploads), and hands back their
 * results or their failures unwrapped. Closing it cancels whatever is still running.
 */
final class Concurrently implements AutoCloseable {
    private final ExecutorService pool;

    Concurrently(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "clouddemo-aws");
            t.setDaemon(true);
            return t;
        });
    }

    <T> Future<T> submit(Callable<T> call) {
        return pool.submit(call);
    }

    Future<?> run(Runnable call) {
        return pool.submit(call);
    }

    /** The call's result; its exception is rethrown as it was thrown. */
    static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClouddemoException(ExitCode.INTERRUPTED, "interrupted while waiting for calls in flight",
                    "run the command again to finish; state records what was created");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
