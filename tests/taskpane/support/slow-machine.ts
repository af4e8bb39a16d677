// Waits for what the screen shows within 5 s, not testing-library's default 1 s: on a loaded two-core CI machine a
// render after a host call can take longer than a second, and a missed wait there says nothing about the pane.
import { configure } from "@testing-library/react";

configure({ asyncUtilTimeout: 5000 });
