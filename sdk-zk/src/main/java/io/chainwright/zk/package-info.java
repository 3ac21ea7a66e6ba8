/**
 * Zero-knowledge provers: a {@link io.chainwright.zk.GpuProver} spec on whole GPUs or MIG slices,
 * and a {@link io.chainwright.zk.ProofService} that scales provers on GPU utilisation and queue
 * length, compiled into platform-neutral workloads, autoscalers and a GPU policy.
 */
@ChainwrightStyle
package io.chainwright.zk;

import io.chainwright.api.ChainwrightStyle;
