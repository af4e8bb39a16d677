import "./dom-polyfills";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { AppFrame } from "../../../src/app/components/AppFrame";
import type { Lang } from "../../../src/core/messages";

export function renderInFrame(ui: ReactElement, lang: Lang = "vi") {
  return render(
    <AppFrame dark={false} initialLang={lang}>
      {ui}
    </AppFrame>,
  );
}
