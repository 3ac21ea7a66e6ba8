package io.chainwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The network's audit policy, read back and evaluated the way the API server documents it: the
 * first rule whose every given field matches an event decides its level, and no match records
 * nothing. (The same file, given to a real kube-apiserver 1.20.2, logged a Secret read at Metadata
 * with no body, a StatefulSet patch with its request, and neither a StatefulSet read nor a read of
 * another namespace's Secrets.)
 */
class AuditPolicyTest {
  /** The fields of audit.k8s.io/v1 Policy, PolicyRule and GroupResources. */
  private static final Set<String> POLICY_KEYS = Set.of("apiVersion", "kind", "metadata", "rules", "omitStages", "omitManagedFields");
  private static final Set<String> RULE_KEYS = Set.of("level", "users", "userGroups", "verbs", "resources", "namespaces",
      "nonResourceURLs", "omitStages", "omitManagedFields");
  private static final Set<String> RESOURCE_KEYS = Set.of("group", "resources", "resourceNames");

  private KubernetesRendering rendering;
  private JsonNode policy;

  @BeforeEach
  void render() throws Exception {
    rendering = KubernetesBackend.create().render(RichNetwork.rich());
    policy = new ObjectMapper(new YAMLFactory()).readTree(rendering.auditPolicy());
  }

  @Test
  void isAnAuditPolicyWrittenBesideTheNetworksFolderNeverInIt() {
    assertThat(rendering.files()).containsEntry("audit/rich.yaml", rendering.auditPolicy());
    assertThat(rendering.files().keySet()).filteredOn(f -> f.startsWith("rich/")).noneMatch(f -> f.contains("audit"));
    assertThat(rendering.yaml()).doesNotContain("audit.k8s.io");
    assertThat(policy.path("apiVersion").asText()).isEqualTo("audit.k8s.io/v1");
    assertThat(policy.path("kind").asText()).isEqualTo("Policy");
    assertThat(rendering.auditPolicy()).startsWith("# Audit policy for network rich").contains("--audit-policy-file", "--audit-log-maxage");
  }

  @Test
  void usesOnlyTheFieldsOfTheAuditApi() {
    assertThat(names(policy)).isSubsetOf(POLICY_KEYS);
    for (JsonNode rule : policy.path("rules")) {
      assertThat(names(rule)).isSubsetOf(RULE_KEYS);
      assertThat(rule.path("level").asText()).isIn("None", "Metadata", "Request", "RequestResponse");
      rule.path("resources").forEach(r -> assertThat(names(r)).isSubsetOf(RESOURCE_KEYS));
    }
  }

  @ParameterizedTest(name = "{0} {1}/{2} in {3}: {4}")
  @CsvSource({
      "get, '', secrets, chain-prod, Metadata",
      "list, '', secrets, chain-prod, Metadata",
      "watch, '', secrets, chain-prod, Metadata",
      "patch, '', secrets, chain-prod, Metadata",
      "create, '', pods/exec, chain-prod, Metadata",
      "create, '', pods/portforward, chain-prod, Metadata",
      "patch, apps, statefulsets, chain-prod, Request",
      "update, apps, statefulsets/scale, chain-prod, Request",
      "delete, '', persistentvolumeclaims, chain-prod, Request",
      "create, rbac.authorization.k8s.io, rolebindings, chain-prod, Request",
      "get, apps, statefulsets, chain-prod, None",
      "get, '', secrets, kube-system, None",
      "patch, apps, statefulsets, another-team, None"})
  void recordsSecretAccessWithoutValuesAndChangesToWorkloads(String verb, String group, String resource, String namespace, String level) {
    assertThat(levelOf(verb, group, resource, namespace)).isEqualTo(level);
  }

  @Test
  void coversEveryNamespaceTheNetworkPlacesObjectsIn() {
    List<String> used = rendering.objects().stream().map(o -> o.getMetadata().getNamespace()).filter(ns -> ns != null).distinct().toList();

    for (String namespace : used) {
      assertThat(levelOf("get", "", "secrets", namespace)).as(namespace).isEqualTo("Metadata");
    }
  }

  /** The level the policy gives a request, by the API server's rule: the first matching rule wins. */
  private String levelOf(String verb, String group, String resource, String namespace) {
    for (JsonNode rule : policy.path("rules")) {
      boolean verbs = matchesOrEmpty(rule.path("verbs"), verb);
      boolean namespaces = matchesOrEmpty(rule.path("namespaces"), namespace);
      boolean resources = rule.path("resources").isEmpty() || StreamSupport.stream(rule.path("resources").spliterator(), false)
          .anyMatch(r -> r.path("group").asText().equals(group) && matchesOrEmpty(r.path("resources"), resource));
      if (verbs && namespaces && resources) {
        return rule.path("level").asText();
      }
    }
    return "None";
  }

  private static boolean matchesOrEmpty(JsonNode list, String value) {
    return list.isEmpty() || StreamSupport.stream(list.spliterator(), false).anyMatch(v -> v.asText().equals(value));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
