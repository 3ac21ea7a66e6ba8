// Renders the devnet example for Kubernetes and for Compose, and prints both.
//   bin/jshell examples/jshell/render.jsh
var network = DevnetExample.network();
System.out.println(KubernetesBackend.create().render(network).yaml());
System.out.println(ComposeRenderer.render(network).composeYaml());
/exit
