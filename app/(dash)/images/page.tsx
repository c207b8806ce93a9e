import type { Metadata } from "next";
import { ImagesPanel } from "@/components/images/ImagesPanel";

export const metadata: Metadata = { title: "Images · Wharf" };

export default function AllImagesPage() {
  return <ImagesPanel />;
}
