package io.chainwright.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.chainwright.api.Container;
import io.chainwright.api.Dependency;
import io.chainwright.api.EnvVar;
import io.chainwright.api.Fixtures;
import io.chainwright.api.Image;
import io.chainwright.api.Network;
import io.chainwright.api.Port;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretValue;
import io.chainwright.api.ValidationException;
import io.chainwright.api.Violation;
import io.chainwright.api.Workload;
import io.chainwright.api.WorkloadKind;
import io.chainwright.api.exposure.Exposure;
import io.chainwright.api.exposure.IngressController;
import io.chainwright.api.exposure.IngressExposure;
import io.chainwright.api.probe.JsonRpcExpectation;
import io.chainwright.api.probe.Probe;
import io.chainwright.api.volume.ScratchVolume;
import io.chainwright.api.volume.SecretVolume;
import io.chainwright.api.volume.VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeRendererTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String JWT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  static Network node() {
    Workload geth = Workload.builder().name("geth").kind(WorkloadKind.STATEFUL)
        .addContainer(Container.builder().name("geth").image(Image.of("ethereum/client-go:v1.15.11"))
            .addPort(Port.builder().name("p2p").number(30303).exposure(Exposure.nodePort()).build())
            .addPort(Port.tcp("rpc", 8545))
            .addPort(Port.builder().name("engine").number(8551).internalOnly(true).build())
            .addEnv(EnvVar.fromSecret("JWT_HEX", "jwt", "jwt.hex"))
            .addMount(VolumeMount.readOnly("jwt", "/secrets/jwt"))
            .readiness(Probe.jsonRpc("rpc", "eth_syncing", JsonRpcExpectation.equalTo("false")))
            .build())
        .addVolume(SecretVolume.of("jwt", "jwt"))
        .build();
    Workload beacon = Workload.builder().name("beacon").kind(WorkloadKind.STATEFUL)
        .addContainer(Fixtures.container("beacon"))
        .addDependsOn(Dependency.ready("geth"))
        .build();
    return Network.builder().name("eth").addWorkloads(geth, beacon)
        .addSecret(Secret.builder().name("jwt").putData("jwt.hex", SecretValue.of(JWT)).build())
        .build();
  }

  private static JsonNode compose(Network network) throws IOException {
    return YAML.readTree(ComposeRenderer.render(network).composeYaml());
  }

  @Test
  void secretItemsMountOnlyTheListedKeysAtTheirFolderPaths() throws IOException {
    Network base = node();
    Workload geth = base.workload("geth").orElseThrow();
    Network network = Network.builder().from(base)
        .secrets(List.of(Secret.builder().name("jwt").putData("jwt.hex", SecretValue.of(JWT)).putData("spare", SecretValue.of("x")).build()))
        .workloads(List.of(Workload.builder().from(geth)
            .volumes(List.of(SecretVolume.builder().name("jwt").secret("jwt").putItem("jwt.hex", "auth/engine/jwt.hex").build())).build(),
            base.workload("beacon").orElseThrow()))
        .build();

    JsonNode secrets = compose(network).at("/services/geth/secrets");

    assertThat(secrets).hasSize(1);
    assertThat(secrets.get(0).get("target").asText()).isEqualTo("/secrets/jwt/auth/engine/jwt.hex");
    assertThat(ComposeSchema.load().problems(ComposeRenderer.render(network).composeYaml())).isEmpty();
  }

  @Test
  void onlyPortsThatLeaveTheNetworkArePublished() throws IOException {
    JsonNode ports = compose(node()).at("/services/geth/ports");

    List<String> published = new ArrayList<>();
    ports.forEach(p -> published.add(p.asText()));
    assertThat(published).containsExactly("30303:30303/tcp");
  }

  @Test
  void aPortAProxyPublishesAtAHostNameIsPublishedForThatProxyOnLoopbackOnly() throws IOException {
    Workload rpc = Fixtures.workload("rpc",
        Port.builder().name("http").number(8545).exposure(Exposure.gateway("edge", "rpc.example.org")).build(),
        Port.builder().name("web").number(8080).exposure(IngressExposure.builder().host("web.example.org").tlsIssuer("letsencrypt")
            .controller(IngressController.TRAEFIK).build()).build());
    JsonNode ports = compose(Network.builder().name("n").addWorkload(rpc).build()).at("/services/rpc/ports");

    List<String> published = new ArrayList<>();
    ports.forEach(p -> published.add(p.asText()));
    assertThat(published).containsExactly("127.0.0.1:8545:8545/tcp", "127.0.0.1:8080:8080/tcp");
  }

  @Test
  void publishingOnLoopbackReachesEveryPortButInternalOnesAtPortsTheEngineChooses() throws IOException {
    JsonNode compose = YAML.readTree(ComposeRenderer.render(node(), PortPublishing.LOOPBACK_ANY_PORT).composeYaml());

    List<String> published = new ArrayList<>();
    compose.at("/services/geth/ports").forEach(p -> published.add(p.asText()));
    assertThat(published).contains("127.0.0.1::30303/tcp", "127.0.0.1::8545/tcp").noneMatch(p -> p.endsWith(":8551/tcp"));
  }

  @Test
  void aDependencyOnAWorkloadWithAReadinessProbeWaitsForItToBeHealthy() throws IOException {
    JsonNode beacon = compose(node()).at("/services/beacon");

    assertThat(beacon.at("/depends_on/geth/condition").asText()).isEqualTo("service_healthy");
    assertThat(compose(node()).at("/services/geth/healthcheck/test/1").asText()).contains("eth_syncing");
  }

  @Test
  void secretValuesStayOutOfComposeYamlAndLandInOwnerOnlyFiles(@TempDir Path dir) throws IOException {
    ComposeProject project = ComposeRenderer.render(node());

    assertThat(project.composeYaml()).doesNotContain(JWT).contains("${CW_SECRET_JWT_JWT_HEX}");
    assertThat(project.toString()).doesNotContain(JWT);
    project.writeTo(dir);

    Path secretFile = dir.resolve("secrets/jwt/jwt.hex");
    assertThat(Files.readString(secretFile)).isEqualTo(JWT);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
    assertThat(Files.readString(dir.resolve(".env"))).isEqualTo("CW_SECRET_JWT_JWT_HEX=" + JWT + "\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".env")))).isEqualTo("rw-------");
  }

  @Test
  void aSecretFromTheCallersEnvironmentIsAFileTheyWriteWhenTheVariableIsUnset(@TempDir Path dir) throws IOException {
    Network network = Network.builder().from(node())
        .secrets(List.of(Secret.builder().name("jwt").putData("jwt.hex", SecretValue.fromEnv("CHAINWRIGHT_TEST_UNSET_JWT")).build()))
        .build();

    ComposeProject project = ComposeRenderer.render(network);
    project.writeTo(dir);

    JsonNode compose = YAML.readTree(project.composeYaml());
    assertThat(compose.at("/secrets/jwt__jwt.hex/file").asText()).isEqualTo("./secrets/jwt/jwt.hex");
    assertThat(project.composeYaml()).contains("#   ./secrets/jwt/jwt.hex from CHAINWRIGHT_TEST_UNSET_JWT\n");
    assertThat(project.environmentSecretFiles()).containsExactly(Map.entry("secrets/jwt/jwt.hex", "CHAINWRIGHT_TEST_UNSET_JWT"));
    assertThat(ComposeSchema.load().problems(project.composeYaml())).isEmpty();
    assertThat(dir.resolve("secrets/jwt/jwt.hex")).doesNotExist();
    assertThat(dir.resolve(".env")).doesNotExist();
  }

  @Test
  void containersRunRestrictedByDefault() throws IOException {
    JsonNode geth = compose(node()).at("/services/geth");

    assertThat(geth.get("user").asText()).isEqualTo("10001:10001");
    assertThat(geth.get("read_only").asBoolean()).isTrue();
    assertThat(geth.at("/cap_drop/0").asText()).isEqualTo("ALL");
    assertThat(geth.at("/security_opt/0").asText()).isEqualTo("no-new-privileges:true");
  }

  @Test
  void replicasOfAStatefulWorkloadGetTheirOwnServicesVolumesAndPorts() throws IOException {
    JsonNode compose = compose(Fixtures.everything());

    assertThat(compose.at("/services/node-2/volumes/0/source").asText()).isEqualTo("node-2-data");
    assertThat(compose.at("/services/node-2/ports/0").asText()).isEqualTo("30305:30303/tcp");
    assertThat(compose.at("/services/node-2-exporter/network_mode").asText()).isEqualTo("service:node-2");
    assertThat(compose.at("/services/node-2/depends_on/node-2-init-perms/condition").asText())
        .isEqualTo("service_completed_successfully");
  }

  @Test
  void eachReplicasHostAllowlistHoldsTheServiceNamePrometheusScrapesItBy() throws IOException {
    Workload w = Workload.builder().name("signer").kind(WorkloadKind.STATELESS).replicas(2)
        .addContainer(Container.builder().name("signer").image(Image.of("example/b:1"))
            .addArgs("--metrics-host-allowlist=signer,localhost", "eth2")
            .addHostAllowlistFlags("--metrics-host-allowlist").build())
        .build();
    JsonNode compose = compose(Network.builder().name("allow").addWorkload(w).build());

    assertThat(compose.at("/services/signer-0/command/0").asText()).isEqualTo("--metrics-host-allowlist=signer,localhost,signer-0");
    assertThat(compose.at("/services/signer-1/command/0").asText()).isEqualTo("--metrics-host-allowlist=signer,localhost,signer-1");
    assertThat(compose.at("/services/signer-1/command/1").asText()).as("the flag keeps its place before the subcommand").isEqualTo("eth2");
  }

  @Test
  void scratchSpaceSeveralContainersMountIsOneNamedVolumePerReplicaThatNoTeardownKeeps() throws IOException {
    Workload w = Workload.builder().name("signer").kind(WorkloadKind.STATELESS).replicas(2)
        .addInitContainer(Container.builder().name("copy").image(Image.of("example/a:1")).addMount(VolumeMount.of("stage", "/stage")).build())
        .addContainer(Container.builder().name("signer").image(Image.of("example/b:1"))
            .addMount(VolumeMount.readOnly("stage", "/stage")).addMount(VolumeMount.of("tmp", "/tmp")).build())
        .addVolume(ScratchVolume.of("stage")).addVolume(ScratchVolume.of("tmp"))
        .build();
    JsonNode compose = compose(Network.builder().name("scratch").addWorkload(w).build());

    assertThat(compose.at("/services/signer-1-copy/volumes/0/source").asText()).isEqualTo("signer-1-stage");
    assertThat(compose.at("/services/signer-1/volumes/0/source").asText()).isEqualTo("signer-1-stage");
    assertThat(compose.at("/services/signer-0/volumes/0/source").asText()).isEqualTo("signer-0-stage");
    assertThat(compose.at("/services/signer-1/volumes/1/source").isMissingNode()).as("unshared scratch stays anonymous").isTrue();
    assertThat(compose.at("/volumes/signer-1-stage/labels/chainwright.io~1scratch").asText()).isEqualTo("true");
  }

  /** After an intended change, rerun with {@code -Dgolden.update=true} and review the diff. */
  @Test
  void theSameNetworkGivesTheSameFileInEveryRun() throws IOException {
    String yaml = ComposeRenderer.render(node()).composeYaml();
    Path golden = Path.of("src/test/resources/golden/eth-compose.yaml");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, yaml);
    }

    assertThat(yaml).isEqualTo(Files.readString(golden));
  }

  @Test
  void twoWorkloadsThatWouldShareAServiceNameAreRefused() {
    Workload a = Workload.builder().name("a").addContainer(Fixtures.container("a")).addContainer(Fixtures.container("b")).build();
    Workload ab = Workload.builder().name("a-b").addContainer(Fixtures.container("a-b")).build();
    Network clash = Network.builder().name("clash").addWorkloads(a, ab).build();

    ValidationException e = assertThrows(ValidationException.class, () -> ComposeRenderer.render(clash));

    assertThat(e.violations()).extracting(Violation::toString).containsExactly(
        "workloads[a-b].containers[a-b]: becomes Compose service 'a-b', as does container b of workload a; rename one");
  }
}
