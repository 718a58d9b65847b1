# Results: trainer exports, resuming and the LRS.

results-settings-invalid = The settings cannot be used: { $error }. Fix the file or give another with --settings.
results-data-dir-failed = The data folder cannot be used: { $error }. Choose a folder you can write to with --data-dir.
results-data-dir-unknown = No data folder is known. Give one with --data-dir or with data_dir in the settings.
results-nothing-to-resume = There is no unfinished session of scenario { $scenario } in { $folder }. Start without --resume.
results-line-skipped = { $file }, line { $line }: skipped because it cannot be read ({ $error }). The lines before and after it still count.
results-summary-unreadable = A summary was skipped: { $error }.
results-export-failed = The export cannot be written: { $error }. Choose a folder you can write to.
results-exported = { $count ->
    [one] Exported 1 finished session.
   *[other] Exported { $count } finished sessions.
}
results-summary-none = There are no finished sessions yet.
results-summary-scenario = Scenario { $scenario }: { $sessions } sessions, { $justified } with a justified decision. Signals, most often missed first:
results-summary-signal = recognised by { $count } of { $sessions } ({ $percent }%)
results-no-lrs = No LRS is configured. Fill in lrs in the settings (endpoint, key, secret).
results-sent = { $count ->
    [one] Sent 1 statement.
   *[other] Sent { $count } statements.
}
results-send-failed = Sending failed: { $error }. The statements stay in the outbox and go out later.
results-learner-not-asked = --learner is only allowed when the settings contain learner_identifier: Ask, because otherwise no personal data is stored.
