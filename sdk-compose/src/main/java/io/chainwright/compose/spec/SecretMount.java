package io.chainwright.compose.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A project secret placed in a service as a file.
 *
 * @param source the secret's name in the project
 * @param target the file's absolute path in the container
 * @param mode the file's permission bits, which Compose without swarm does not apply
 * @param folder the folder the model mounts the secret's files in; not written to the file, whose
 *     secrets are single files, but a runtime without containers makes the folder
 */
public record SecretMount(String source, String target, int mode, @JsonIgnore String folder) {}
