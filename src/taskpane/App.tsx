import { FluentProvider, Text, Title2, webLightTheme } from "@fluentui/react-components";

// Placeholder shell: the real task pane (catalog, findings, go-to-cell) replaces the body later.
export function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title2 as="h1">Chỉ tiêu CĐS</Title2>
        <Text as="p" block>
          Báo cáo và kiểm tra chỉ tiêu chuyển đổi số theo Nghị quyết 09-NQ/TU tỉnh Lai Châu.
        </Text>
      </main>
    </FluentProvider>
  );
}
