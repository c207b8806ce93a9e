/** The labels `docker stack deploy` puts on what it makes, so stacks made by either are one kind. */
export const STACK_NAMESPACE = "com.docker.stack.namespace";
/** The image as the file named it, before any pinning; the CLI sets it on each service. */
export const STACK_IMAGE = "com.docker.stack.image";

/** `labels` with the stack's namespace label added. */
export const withNamespace = (namespace: string, labels: Record<string, string> = {}) => ({
  ...labels,
  [STACK_NAMESPACE]: namespace,
});
