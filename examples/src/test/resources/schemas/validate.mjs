// Checks Kubernetes objects against the published schemas that the kubernetes-models packages
// compile into validators: Kubernetes' own OpenAPI schemas and the Gateway API, prometheus-operator,
// External Secrets, Cilium and Envoy Gateway types. Arguments: the node_modules folder holding them, and a JSON file with
// an array of objects. Prints one line per object: OK, INVALID (with the schema's errors) or
// NOSCHEMA (no package here describes the kind).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [modules, file] = process.argv.slice(2);

/** The file that defines a kind, by its API group: core and built-in groups, then the third-party packages. */
function definition(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "") return join("kubernetes-models", "v1", `${kind}.js`);
  if (group === "gateway.networking.k8s.io") return join("@kubernetes-models/gateway-api", group, version, `${kind}.js`);
  if (group === "monitoring.coreos.com") return join("@kubernetes-models/prometheus-operator", group, version, `${kind}.js`);
  if (group === "external-secrets.io") return join("@kubernetes-models/external-secrets", group, version, `${kind}.js`);
  if (group === "cilium.io") return join("@kubernetes-models/cilium", group, version, `${kind}.js`);
  if (group === "gateway.envoyproxy.io") return join("@kubernetes-models/envoy-gateway", group, version, `${kind}.js`);
  return join("kubernetes-models", group, version, `${kind}.js`);
}

for (const object of JSON.parse(readFileSync(file, "utf8"))) {
  const id = `${object.apiVersion} ${object.kind} ${object.metadata?.namespace ?? ""}/${object.metadata?.name ?? ""}`;
  let Model;
  try {
    Model = (await import(pathToFileURL(join(modules, definition(object.apiVersion, object.kind))).href))[object.kind];
  } catch {
    Model = undefined;
  }
  if (!Model) {
    console.log(`NOSCHEMA ${id}`);
    continue;
  }
  try {
    new Model(object).validate();
    console.log(`OK ${id}`);
  } catch (e) {
    const errors = (e.errors ?? [{ message: e.message }]).map((err) => `${err.instancePath ?? ""} ${err.message}`.trim());
    console.log(`INVALID ${id}: ${errors.join("; ")}`);
  }
}
