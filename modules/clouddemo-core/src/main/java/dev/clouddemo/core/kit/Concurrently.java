package dev.clouddemo.core.kit;

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
public final class Concurrently implements AutoCloseable {
    private final ExecutorService pool;

    public Concurrently(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "clouddemo-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public <T> Future<T> submit(Callable<T> call) {
        return pool.submit(call);
    }

    public Future<?> run(Runnable call) {
        return pool.submit(call);
    }

    /** The call's result; its exception is rethrown as it was thrown. */
    public static <T> T get(Future<T> future) {
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
