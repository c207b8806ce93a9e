"use client";
import { errorMessage } from "@/components/api/client";
import { Button } from "@/components/ui/Button";
import { usePullImage } from "./queries";

/** The image is not on the host: pull it, then carry on with the create that needed it. */
export function MissingImageNotice({
  hostId,
  image,
  message,
  onPulled,
}: {
  hostId: string;
  image: string;
  message: string;
  onPulled: () => void;
}) {
  const pull = usePullImage(hostId);
  return (
    <div
      className="rounded border border-warn/50 bg-warn/10 px-3 py-2"
      role="alert"
      data-testid="image-missing"
    >
      <div>
        Image <b className="font-mono">{image}</b> is not on {hostId}: {message}
      </div>
      <div className="mt-2 flex items-center gap-2">
        <Button
          size="sm"
          variant="primary"
          disabled={pull.isPending}
          onClick={() => pull.mutate(image, { onSuccess: onPulled })}
        >
          {pull.isPending ? "Pulling…" : `Pull ${image} and create`}
        </Button>
        {pull.isPending && (
          <div
            className="h-1.5 w-40 overflow-hidden rounded bg-panel-2"
            role="progressbar"
            aria-label="Pulling"
          >
            <div className="h-full w-1/3 animate-pulse rounded bg-accent" />
          </div>
        )}
        {pull.error && <span className="text-bad">Pull failed: {errorMessage(pull.error)}</span>}
      </div>
    </div>
  );
}
