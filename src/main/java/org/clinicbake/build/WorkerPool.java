package org.clinicbake.build;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The threads of one stage of a bake. Closing it stops the stage and waits for its threads: a
 * worker still converting after its stage was abandoned (the preview was stopped, a sibling failed)
 * would go on writing into the cache and the staging folder of a bake that has already ended.
 */
public final class WorkerPool implements AutoCloseable {

    private final ExecutorService threads;

    public WorkerPool(String name, int size) {
        this.threads = Executors.newFixedThreadPool(size, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> Future<T> submit(Callable<T> task) {
        return threads.submit(task);
    }

    /**
     * Does {@code work} for each item on these threads and returns when all are done; an unchecked
     * exception one of them threw is thrown here, and an interrupt while waiting ends the wait
     * ({@code doing} says what was being done).
     */
    public <T> void forEach(java.util.Collection<T> items, java.util.function.Consumer<T> work, String doing) {
        try {
            java.util.List<Future<?>> running = new java.util.ArrayList<>();
            for (T item : items) {
                running.add(threads.submit(() -> {
                    work.accept(item);
                    return null;
                }));
            }
            for (Future<?> task : running) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (threads.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
