package io.chainwright.compose.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A project secret placed in a service as a file. It names no {@code mode}: Compose without swarm
 * mounts the file as it is, and Compose v1.29 refuses the key outright on engines without swarm,
 * such as Podman; the runtimes write each secret file readable by its owner only instead.
 *
 * @param source the secret's name in the project
 * @param target the file's absolute path in the container
 * @param folder the folder the model mounts the secret's files in; not written to the file, whose
 *     secrets are single files, but a runtime without containers makes the folder
 */
public record SecretMount(String source, String target, @JsonIgnore String folder) {}
