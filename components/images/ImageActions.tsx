"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCan } from "@/components/hooks/useCan";
import { Button } from "@/components/ui/Button";
import type { ImageDetail } from "@/lib/images/types";
import { PullDialog } from "./PullDialog";
import { PushImageDialog } from "./PushImageDialog";
import { imagePaths } from "./queries";
import { RemoveImageDialog } from "./RemoveImageDialog";
import { TagImageDialog } from "./TagImageDialog";

type Open = "remove" | "tag" | "push" | "pull" | undefined;

export function ImageActions({
  image,
  imageRef,
  name,
}: {
  image: ImageDetail;
  imageRef: string;
  name: string;
}) {
  const canOperate = useCan("operate");
  const t = useTranslations("images.actions");
  const router = useRouter();
  const [open, setOpen] = useState<Open>();
  const close = () => setOpen(undefined);
  const hostId = image.hostId;
  return (
    <div className="flex items-center gap-1.5">
      <a
        className="inline-flex items-center rounded border border-line bg-panel px-1.5 py-0.5 text-xs hover:bg-panel-2"
        href={imagePaths.exportTar(hostId, exportName(image, imageRef))}
        download
        data-testid="image-export"
      >
        {t("export")}
      </a>
      {canOperate && (
        <>
          {image.repoTags.length > 0 && (
            <Button size="sm" onClick={() => setOpen("pull")} data-testid="image-repull">
              {t("pullAgain")}
            </Button>
          )}
          <Button size="sm" onClick={() => setOpen("tag")} data-testid="image-tag">
            {t("tag")}
          </Button>
          {image.repoTags.length > 0 && (
            <Button size="sm" onClick={() => setOpen("push")} data-testid="image-push">
              {t("push")}
            </Button>
          )}
          <Button size="sm" variant="danger" onClick={() => setOpen("remove")} data-testid="image-remove">
            {t("remove")}
          </Button>
        </>
      )}
      {open === "remove" && (
        <RemoveImageDialog
          hostId={hostId}
          imageRef={imageRef}
          name={name}
          inUse={image.usedBy.filter((u) => u.hostId === hostId).length}
          onClose={close}
          onRemoved={() => router.push(`/hosts/${encodeURIComponent(hostId)}/images`)}
        />
      )}
      {open === "tag" && (
        <TagImageDialog hostId={hostId} imageRef={image.id} current={image.repoTags[0]} onClose={close} />
      )}
      {open === "push" && <PushImageDialog hostId={hostId} tags={image.repoTags} onClose={close} />}
      <PullDialog
        open={open === "pull"}
        onClose={close}
        preset={{ image: image.repoTags[0], hosts: [hostId], registryId: image.update?.registryId }}
      />
    </div>
  );
}

/**
 * The name to save the image under: a tar saved by id carries no name, so a load elsewhere would
 * give an untagged image. The tag the page was opened by comes first, then the image's first tag.
 */
function exportName(image: ImageDetail, imageRef: string): string {
  return image.repoTags.includes(imageRef) ? imageRef : (image.repoTags[0] ?? image.id);
}
