// Places two tenants' networks on a shared platform, prints one tenant's quota as Kubernetes applies
// it, then shows what a plan too small for the network says.
//   bin/jshell examples/jshell/tenants.jsh
var tenancy = BaasExample.tenancy(MaterialStore.inMemory());
var acme = tenancy.networks().get(0);
System.out.println(acme.name() + " " + acme.labels());
KubernetesBackend.create().render(acme).files().forEach((file, yaml) -> {
  if (file.contains("/resourcequota-")) System.out.println(yaml);
});
var tiny = TenantPlan.of("tiny", TenantQuota.builder().cpu("1").memory("2Gi").build());
try {
  Tenancy.builder().from(tenancy).tenants(List.of(Tenant.builder().from(tenancy.tenants().get(0)).plan(tiny).build())).build();
} catch (ValidationException e) {
  System.out.println(e.getMessage());
}
/exit
