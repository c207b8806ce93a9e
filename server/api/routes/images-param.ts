import { imageRefParamSchema } from "../../../lib/images/schemas";
import { parseWith } from "../http";
import type { RequestContext } from "../router";

/** An image in a path: an id, an id prefix, or a reference (URL-encoded when it holds `/`). */
export const imageParam = (rc: RequestContext) => parseWith(imageRefParamSchema, rc.params.id, "id: ");
