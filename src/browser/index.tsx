import { FluentProvider, Text, Title2, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

// Browser mode without Excel: works on .xlsx files in the page itself, with no network request beyond its own assets.
// Placeholder until the file host and the shared task-pane UI are wired in.
function BrowserApp() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 24, maxWidth: 720 }}>
        <Title2 as="h1">Chỉ tiêu CĐS</Title2>
        <Text as="p" block>
          Kiểm tra tệp báo cáo chỉ tiêu chuyển đổi số ngay trong trình duyệt, không cần Excel. Tệp của bạn không rời khỏi máy.
        </Text>
        <Text as="p" block lang="en">
          Check digital-transformation target reports in the browser, without Excel. Your files never leave this computer.
        </Text>
      </main>
    </FluentProvider>
  );
}

const container = document.getElementById("root");
if (!container) throw new Error("Không tìm thấy phần tử #root / #root element not found");
createRoot(container).render(<BrowserApp />);
