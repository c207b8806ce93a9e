import { ImagesPanel } from "@/components/images/ImagesPanel";
import { titled } from "@/app/request-locale";

export const generateMetadata = titled("images");

export default function AllImagesPage() {
  return <ImagesPanel />;
}
