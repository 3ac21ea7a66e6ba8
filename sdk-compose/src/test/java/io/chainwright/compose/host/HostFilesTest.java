package io.chainwright.compose.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Container;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.Workload;
import io.chainwright.api.await.ProgressListener;
import io.chainwright.api.backend.Teardown;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.ConfigVolume;
import io.chainwright.api.volume.DataVolume;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the host runtime lays out on disk for a service: volumes, secret files and config files, and what teardown clears. */
class HostFilesTest {
  @Test
  void secretItemsAreWrittenAtTheirFolderPathsForOwnerEyesOnly() throws IOException {
    Workload node = Workload.builder().from(HostRuntimeTest.node("signer"))
        .containers(List.of(Container.builder().from(HostRuntimeTest.tinyNode("signer"))
            .addMount(VolumeMount.readOnly("crypto", "/crypto"))
            .readiness(Probe.exec("test", "-f", "/crypto/msp/keystore/key.pem")).build()))
        .addVolume(SecretVolume.builder().name("crypto").secret("signer-crypto")
            .putItem("key", "msp/keystore/key.pem").putItem("cert", "msp/signcerts/cert.pem").build())
        .build();
    Network network = Network.builder().name("signer").addWorkload(node)
        .addSecret(Secret.builder().name("signer-crypto").putData("key", SecretValue.of("private"))
            .putData("cert", SecretValue.of("public")).putData("unmounted", SecretValue.of("left out")).build())
        .build();

    try (HostDeployment d = HostRuntimeTest.runtime().deploy(network, ProgressListener.none())) {
      d.awaitReady(Duration.ofSeconds(30), ProgressListener.none());

      Path secrets = d.root().resolve("signer/secrets/crypto");
      assertThat(secrets.resolve("msp/keystore/key.pem")).hasContent("private");
      assertThat(secrets.resolve("msp/signcerts/cert.pem")).hasContent("public");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve("msp/keystore/key.pem")))).isEqualTo("rw-------");
      try (var files = Files.walk(secrets)) {
        assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("key.pem", "cert.pem");
      }
    }
  }

  @Test
  void aSecretMountedInsideAConfigMountLandsInsideItsFolder() {
    Workload node = Workload.builder().name("nested")
        .addContainer(Container.builder().name("nested").image(Image.of("example/shell:1"))
            .addCommand("sh", "-c", "test -f /etc/app/settings.yaml && test -f /etc/app/keys/key.pem && sleep 600")
            .addMount(VolumeMount.of("settings", "/etc/app"))
            .addMount(VolumeMount.of("keys", "/etc/app/keys"))
            .readiness(Probe.exec("test", "-f", "/etc/app/keys/key.pem"))
            .build())
        .addVolume(ConfigVolume.builder().name("settings").putFile("settings.yaml", "a: 1").build())
        .addVolume(SecretVolume.of("keys", "app-keys"))
        .build();
    Network network = Network.builder().name("nested").addWorkload(node)
        .addSecret(Secret.builder().name("app-keys").putData("key.pem", SecretValue.of("k")).build())
        .build();
    HostRuntime runtime = HostRuntime.builder().binary("sh", Path.of("/bin/sh")).stopGrace(Duration.ofSeconds(2)).build();

    try (HostDeployment d = runtime.deploy(network, ProgressListener.none())) {
      d.awaitReady(Duration.ofSeconds(30), ProgressListener.none());

      assertThat(d.root().resolve("nested/configs/nested/settings/keys/key.pem")).hasContent("k");
      assertThat(ProcessHandle.of(d.pids().get(0))).get().matches(ProcessHandle::isAlive);
    }
  }

  /** As a Fabric peer's core.yaml names its TLS key: the config file must name the file the host wrote. */
  @Test
  void aConfigFileNamingASecretFileNamesTheHostCopy() {
    Workload node = Workload.builder().name("reader")
        .addContainer(Container.builder().name("reader").image(Image.of("example/shell:1"))
            .addCommand("sh", "-c", "key=$(sed -n 's/^key: //p' /etc/app/app.yaml) && grep -q private \"$key\" && touch /run/app/read && sleep 600")
            .addMount(VolumeMount.of("settings", "/etc/app"))
            .addMount(VolumeMount.readOnly("crypto", "/var/lib/crypto"))
            .addMount(VolumeMount.of("run", "/run/app"))
            .readiness(Probe.exec("test", "-f", "/run/app/read"))
            .build())
        .addVolume(ScratchVolume.of("run"))
        .addVolume(ConfigVolume.builder().name("settings").putFile("app.yaml", "key: /var/lib/crypto/tls/server.key\n").build())
        .addVolume(SecretVolume.builder().name("crypto").secret("reader-tls").putItem("key", "tls/server.key").build())
        .build();
    Network network = Network.builder().name("reader").addWorkload(node)
        .addSecret(Secret.builder().name("reader-tls").putData("key", SecretValue.of("private")).build())
        .build();
    HostRuntime runtime = HostRuntime.builder().binary("sh", Path.of("/bin/sh")).stopGrace(Duration.ofSeconds(2)).build();

    try (HostDeployment d = runtime.deploy(network, ProgressListener.none())) {
      d.awaitReady(Duration.ofSeconds(30), ProgressListener.none());

      assertThat(ProcessHandle.of(d.pids().get(0))).get().matches(ProcessHandle::isAlive);
    }
  }

  @Test
  void deletingVolumesRemovesOnlyThoseNotKeptOnDelete() {
    Workload leader = HostRuntimeTest.node("leader");
    Workload disposable = Workload.builder().from(HostRuntimeTest.node("cache"))
        .volumes(List.of(DataVolume.builder().name("data").size("1Gi").keepOnDelete(false).build())).build();
    HostDeployment d = HostRuntimeTest.runtime().deploy(Network.builder().name("mixed").addWorkloads(leader, disposable).build(),
        ProgressListener.none());
    d.awaitReady(Duration.ofSeconds(30), ProgressListener.none());
    assertThat(d.root().resolve("volumes/cache-data/started")).exists();

    d.destroy(Teardown.DELETE_VOLUMES);

    assertThat(d.root().resolve("volumes/leader-data/started")).exists();
    assertThat(d.root().resolve("volumes/cache-data")).doesNotExist();
  }

  /** As Web3Signer's migrations: an init container fills scratch space its main container reads, as in one pod. */
  @Test
  void scratchSpaceAnInitContainerFillsIsTheMainContainersAndGoesAtTeardown() {
    Workload node = Workload.builder().name("staged")
        .addInitContainer(Container.builder().name("fill").image(Image.of("example/shell:1"))
            .addCommand("sh", "-c", "echo ready > /stage/marker")
            .addMount(VolumeMount.of("stage", "/stage")).build())
        .addContainer(Container.builder().name("staged").image(Image.of("example/shell:1"))
            .addCommand("sh", "-c", "grep -q ready /stage/marker && touch /run/app/read && sleep 600")
            .addMount(VolumeMount.readOnly("stage", "/stage"))
            .addMount(VolumeMount.of("run", "/run/app"))
            .readiness(Probe.exec("test", "-f", "/run/app/read"))
            .build())
        .addVolume(ScratchVolume.of("stage"))
        .addVolume(ScratchVolume.of("run"))
        .build();
    HostRuntime runtime = HostRuntime.builder().binary("sh", Path.of("/bin/sh")).stopGrace(Duration.ofSeconds(2)).build();

    HostDeployment d = runtime.deploy(Network.builder().name("staged").addWorkload(node).build(), ProgressListener.none());
    d.awaitReady(Duration.ofSeconds(30), ProgressListener.none());
    assertThat(d.root().resolve("volumes/staged-stage/marker")).hasContent("ready\n");

    d.close();

    assertThat(d.root().resolve("volumes/staged-stage")).doesNotExist();
  }
}
