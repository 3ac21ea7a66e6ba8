/**
 * How Chainwright waits: {@link io.chainwright.api.await.Await} looks at a
 * {@link io.chainwright.api.await.Condition} at growing intervals ({@link io.chainwright.api.await.Backoff})
 * until a {@link io.chainwright.api.await.Deadline}, reporting each new
 * {@link io.chainwright.api.await.Progress} to a {@link io.chainwright.api.await.ProgressListener}.
 */
package io.chainwright.api.await;
