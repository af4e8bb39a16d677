import { Button, Field, Input, MessageBar, MessageBarBody, Subtitle2, Text, Textarea, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import type { CheckReport } from "../../core/check";
import { formatMessage } from "../../core/messages";
import { decisionMessage, REPORT_DECISION_TERM, reportReopenedMessage } from "../../core/review";
import { useLang } from "../i18n";
import type { ReviewActions } from "../review-actions";

// The whole report's review: its state ("Đã duyệt — Lò Văn Hùng, 27/11/2026 09:30"), why an earlier decision was
// reopened or could not be read, the reviewer's name (typed once), and "Duyệt" / "Trả lại" with a reason.

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
});

export function ReviewPanel({ report, actions, busy }: { report: CheckReport; actions?: ReviewActions; busy: boolean }) {
  const styles = useStyles();
  const { t, lang } = useLang();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  const { review } = report;
  const state = review.report ? formatMessage(decisionMessage(review.report, REPORT_DECISION_TERM), lang) : formatMessage({ key: REPORT_DECISION_TERM.open, params: {} }, lang);
  const reopened = reportReopenedMessage(review);
  return (
    <section aria-labelledby="review-heading" className={styles.root} data-testid="review-panel">
      <Subtitle2 as="h2" id="review-heading" block>
        {t("review.heading")}
      </Subtitle2>
      <Text as="p" block data-testid="report-state">
        {t("review.reportState", { state })}
      </Text>
      {reopened && (
        <MessageBar intent="warning" data-testid="report-reopened">
          <MessageBarBody>{formatMessage(reopened, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {review.damaged && (
        <MessageBar intent="warning" data-testid="review-damaged">
          <MessageBarBody>{review.damaged[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {actions && (
        <>
          <Field label={t("review.reviewer")} hint={t("review.reviewerHint")}>
            <Input value={actions.reviewer} onChange={(_, d) => actions.onReviewer(d.value)} data-testid="reviewer-name" />
          </Field>
          <div className={styles.actions}>
            <Button disabled={busy || review.report?.kind === "approved"} onClick={() => actions.onReport({ kind: "approved", comment: "" })}>
              {t("review.approve")}
            </Button>
            <Button disabled={busy} onClick={() => setReturning(true)}>
              {t("review.returnReport")}
            </Button>
            {review.report && (
              <Button appearance="subtle" disabled={busy} onClick={() => actions.onReport(null)}>
                {t("review.reopen")}
              </Button>
            )}
          </div>
          {returning && (
            <div className={styles.root}>
              <Field label={t("review.reportComment")}>
                <Textarea value={comment} onChange={(_, d) => setComment(d.value)} data-testid="report-comment" />
              </Field>
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  disabled={busy}
                  onClick={() => {
                    actions.onReport({ kind: "returned", comment });
                    // an empty reason is refused (and said); the form stays for it to be written
                    if (comment.trim() !== "") {
                      setReturning(false);
                      setComment("");
                    }
                  }}
                >
                  {t("review.record")}
                </Button>
                <Button onClick={() => setReturning(false)}>{t("review.cancel")}</Button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
