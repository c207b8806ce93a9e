import { ImageDetailPanel } from "@/components/images/ImageDetailPanel";

/** A reference never holds "%", so decoding twice is harmless and covers either form of the param. */
function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `imageId` is an image id or an encoded `repo:tag`. */
export default async function ImagePage({
  params,
}: {
  params: Promise<{ hostId: string; imageId: string }>;
}) {
  const { hostId, imageId } = await params;
  return <ImageDetailPanel hostId={hostId} imageRef={decode(imageId)} />;
}
