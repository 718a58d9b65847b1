# Resultaten: exports voor trainers, hervatten en de LRS.

results-settings-invalid = De instellingen kunnen niet worden gebruikt: { $error }. Verbeter het bestand of geef een ander op met --settings.
results-data-dir-failed = De gegevensmap kan niet worden gebruikt: { $error }. Kies een map waarin je mag schrijven met --data-dir.
results-data-dir-unknown = Er is geen gegevensmap bekend. Geef er een op met --data-dir of met data_dir in de instellingen.
results-nothing-to-resume = Er is geen onafgemaakte sessie van scenario { $scenario } in { $folder }. Start zonder --resume.
results-line-skipped = { $file }, regel { $line }: overgeslagen omdat de regel onleesbaar is ({ $error }). De regels ervoor en erna tellen mee.
results-summary-unreadable = Een samenvatting is overgeslagen: { $error }.
results-export-failed = De export kan niet worden geschreven: { $error }. Kies een map waarin je mag schrijven.
results-exported = { $count ->
    [one] 1 afgeronde sessie geëxporteerd.
   *[other] { $count } afgeronde sessies geëxporteerd.
}
results-summary-none = Er zijn nog geen afgeronde sessies.
results-summary-scenario = Scenario { $scenario }: { $sessions } sessies, { $justified } met een terechte beslissing. Signalen, het vaakst gemist bovenaan:
results-summary-signal = { $count } van { $sessions } ({ $percent }%) herkend
results-no-lrs = Er is geen LRS ingesteld. Vul lrs in de instellingen in (endpoint, key, secret).
results-sent = { $count ->
    [one] 1 statement verstuurd.
   *[other] { $count } statements verstuurd.
}
results-send-failed = Versturen is mislukt: { $error }. De statements blijven in de outbox en gaan later alsnog mee.
results-learner-not-asked = --learner is alleen toegestaan als de instellingen learner_identifier: Ask bevatten, omdat er anders geen persoonsgegevens worden opgeslagen.
