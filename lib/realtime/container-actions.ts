/**
 * Container event actions that change nothing a container list or a container's page shows: exec
 * sessions, `top`, attach and resize, and the archive calls. Every read of the file browser makes
 * the engine report an `archive-path`, and a copy into the container an `extract-to-dir`; were they
 * taken as changes, each read would refetch the container and its views, which would read again.
 */
export function isQuietContainerAction(action: string): boolean {
  return (
    action.startsWith("exec_") ||
    action === "top" ||
    action === "attach" ||
    action === "resize" ||
    action === "archive-path" ||
    action === "extract-to-dir"
  );
}
