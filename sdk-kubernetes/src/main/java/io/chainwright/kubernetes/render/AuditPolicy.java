package io.chainwright.kubernetes.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainwright.api.RenderException;
import io.chainwright.api.yaml.YamlFactories;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A Kubernetes audit policy ({@code audit.k8s.io/v1 Policy}) for one network: every access to the
 * Secrets in its namespaces, exec, attach and port-forward into its pods, and every change to its
 * workloads. It is a file for the cluster's administrator to give the API server, not an object
 * to apply, so it is written beside the network's objects, never among them.
 */
public final class AuditPolicy {
  private static final ObjectMapper YAML = new ObjectMapper(YamlFactories.strict());
  /** The verbs that change something; reads of workloads are not worth their volume. */
  static final List<String> CHANGES = List.of("create", "update", "patch", "delete", "deletecollection");
  /** What the SDK renders to run a network (or a user may add by hand in its namespaces). */
  static final List<Resources> WORKLOADS = List.of(
      new Resources("", List.of("pods", "services", "configmaps", "persistentvolumeclaims", "serviceaccounts")),
      new Resources("apps", List.of("statefulsets", "statefulsets/scale", "deployments", "deployments/scale", "daemonsets")),
      new Resources("batch", List.of("jobs", "cronjobs")),
      new Resources("networking.k8s.io", List.of("networkpolicies", "ingresses")),
      new Resources("gateway.networking.k8s.io", List.of("httproutes", "grpcroutes", "tlsroutes", "tcproutes", "udproutes")),
      new Resources("policy", List.of("poddisruptionbudgets")),
      new Resources("rbac.authorization.k8s.io", List.of("roles", "rolebindings")));

  private AuditPolicy() {}

  /** An API group and resources in it, subresources written {@code pods/exec}. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Resources(String group, List<String> resources) {}

  /** Events matching every given field get {@code level}; an empty field matches everything. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Rule(String level, List<String> verbs, List<Resources> resources, List<String> namespaces) {}

  record Policy(String apiVersion, String kind, List<String> omitStages, List<Rule> rules) {}

  /** The policy for the network whose objects are {@code objects}, with comments saying how to use it. */
  public static String of(String network, List<RenderedObject> objects) {
    List<String> namespaces = List.copyOf(new TreeSet<>(objects.stream()
        .map(o -> o.object().getMetadata().getNamespace()).filter(Objects::nonNull).toList()));
    Policy policy = new Policy("audit.k8s.io/v1", "Policy", List.of("RequestReceived"), List.of(
        // Metadata only: who read or wrote which Secret, and when. A higher level would log its values.
        new Rule("Metadata", List.of(), List.of(new Resources("", List.of("secrets"))), namespaces),
        new Rule("Metadata", List.of(), List.of(new Resources("", List.of("pods/exec", "pods/attach", "pods/portforward"))), namespaces),
        new Rule("Request", CHANGES, WORKLOADS, namespaces)));
    try {
      return header(network) + YAML.writeValueAsString(policy);
    } catch (JsonProcessingException e) {
      throw new RenderException("Cannot write the audit policy of network " + network, e);
    }
  }

  private static String header(String network) {
    return """
        # Audit policy for network %s: a file for the cluster's administrator, not an object to apply.
        # kube-apiserver reads it with --audit-policy-file and reads only one, so merge these rules into the
        # cluster's policy; the first rule an event matches decides its level, and an event no rule matches
        # is not recorded.
        # Recorded: every access to a Secret in the network's namespaces (who, when, which verb; never a
        # value), exec, attach and port-forward into its pods, and every change to its workloads, with the
        # request.
        # Retention: --audit-log-maxage (days), --audit-log-maxbackup (files) and --audit-log-maxsize
        # (megabytes) bound the log on the control plane. Keep Secret access records as long as an incident
        # investigation may need them, and ship them off the control plane (an audit webhook or a log
        # collector), so that whoever takes a control-plane node cannot erase them.
        """.formatted(network);
  }
}
