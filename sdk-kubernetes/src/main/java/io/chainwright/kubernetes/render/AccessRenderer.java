package io.chainwright.kubernetes.render;

import io.chainwright.api.policy.AccessPolicy;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.List;

/**
 * Renders a network's administrators as a Role and a RoleBinding to their groups, in the network's
 * namespace only: they read its workloads, logs, events, routes and policies, and may delete a pod
 * to restart it. Secrets are left out: their values are the platform's.
 */
final class AccessRenderer {
  static final String NAME = "network-admins";
  private static final List<String> READ = List.of("get", "list", "watch");

  private AccessRenderer() {}

  static void render(RenderContext ctx) {
    ctx.network().access().ifPresent(access -> {
      ctx.add(Tier.RBAC, new RoleBuilder().withMetadata(ctx.meta(NAME)).withRules(rules()).build());
      ctx.add(Tier.RBAC, new RoleBindingBuilder()
          .withMetadata(ctx.meta(NAME))
          .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(NAME).endRoleRef()
          .withSubjects(subjects(access))
          .build());
    });
  }

  private static List<PolicyRule> rules() {
    return List.of(
        read("", "pods", "pods/log", "services", "endpoints", "configmaps", "persistentvolumeclaims", "events",
            "resourcequotas", "limitranges"),
        new PolicyRuleBuilder().withApiGroups("").withResources("pods").withVerbs("delete").build(),
        read("apps", "statefulsets", "deployments", "daemonsets"),
        read("batch", "jobs", "cronjobs"),
        read("networking.k8s.io", "networkpolicies", "ingresses"),
        read("gateway.networking.k8s.io", "httproutes", "grpcroutes", "tlsroutes", "gateways"),
        read("monitoring.coreos.com", "servicemonitors", "prometheusrules", "alertmanagerconfigs"));
  }

  private static PolicyRule read(String group, String... resources) {
    return new PolicyRuleBuilder().withApiGroups(group).withResources(resources).withVerbs(READ).build();
  }

  private static List<Subject> subjects(AccessPolicy access) {
    return access.adminGroups().stream()
        .map(g -> new SubjectBuilder().withApiGroup("rbac.authorization.k8s.io").withKind("Group").withName(g).build()).toList();
  }
}
