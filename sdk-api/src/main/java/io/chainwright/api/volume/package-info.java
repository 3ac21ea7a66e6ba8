/**
 * What a workload mounts: data volumes with their size and storage class, secrets, generated
 * config files, scratch space and host devices ({@link io.chainwright.api.volume.Volume}), and where
 * each is mounted ({@link io.chainwright.api.volume.VolumeMount}).
 */
@ChainwrightStyle
package io.chainwright.api.volume;

import io.chainwright.api.ChainwrightStyle;
