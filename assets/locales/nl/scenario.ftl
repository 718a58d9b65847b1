# Meldingen van `herken check` en het laden van scenario's. Elke melding zegt wat er mis
# is, met de waarde, en wat de auteur moet doen.

check-severity-error = fout
check-severity-warning = waarschuwing

## Bestanden en paden die aan `herken check` zijn gegeven

check-path-not-found = '{ $path }' bestaat niet; geef een scenariomap of een scenario.ron-bestand
check-no-scenario = de map '{ $path }' bevat geen scenario.ron en geen submap met een scenario.ron; geef een scenariomap of de map daarboven
check-file-unreadable = kan '{ $path }' niet lezen ({ $reason }); sla het bestand op als UTF-8-tekst

## Fouten in de RON-notatie

check-ron-syntax = de RON-notatie klopt niet: { $detail }; controleer haakjes, komma's en aanhalingstekens op en vlak voor deze plek
scenario-ron-eof = het bestand houdt op terwijl er nog iets open staat
scenario-ron-expected-comma = hier hoort een komma tussen twee velden of elementen
scenario-ron-expected-string = hier hoort tekst tussen aanhalingstekens
scenario-ron-expected-string-end = een tekst is niet afgesloten met een aanhalingsteken
scenario-ron-expected-closing = hier hoort een sluithaakje
scenario-ron-expected-list = hier hoort een lijst tussen [ en ]
scenario-ron-expected-record = hier hoort een record tussen ( en )
scenario-ron-expected-number = hier hoort een getal
scenario-ron-expected-boolean = hier hoort true of false
scenario-ron-unclosed-comment = een commentaar met /* is niet afgesloten met */
scenario-ron-trailing = na het laatste haakje van het scenario staat nog tekst
scenario-ron-unexpected-char = onverwacht teken '{ $char }'
scenario-ron-wrong-name = hier hoort { $expected }(…) in plaats van { $found }(…)
check-unknown-field = { $record } heeft geen veld '{ $found }'{ $suggestion ->
        [none] {""}
       *[other] {" "}(bedoel je '{ $suggestion }'?)
    }; toegestane velden: { $expected }
check-missing-field = in { $record } ontbreekt het verplichte veld '{ $field }'; voeg het toe
check-duplicate-field = het veld '{ $field }' staat twee keer in { $record }; laat er één staan
check-unknown-variant = '{ $found }' is hier geen geldige waarde; kies uit { $expected }
check-invalid-type = hier hoort { $expected }, maar er staat { $found }
check-time-format = { $value } is geen geldige tijd; schrijf seconden (42.5) of tekst als "0:42.500", "1:02:03.250" of "42.5"

## Inhoud van het scenario

check-id-format = de id '{ $id }' is geen kebab-case; gebruik alleen kleine letters, cijfers en losse streepjes, zoals 'paspoort-bij-begeleider'
check-dutch-text-missing = de Nederlandse tekst van { $field } is leeg; vul nl in (Engels is optioneel en valt terug op het Nederlands)
check-no-signals = het scenario heeft geen signalen; voeg minstens één Signal toe aan signals
check-duplicate-signal-id = de signaal-id '{ $id }' komt al voor op regel { $line }; geef elk signaal een eigen id
check-duplicate-decision-id = de beslissing-id '{ $id }' komt al voor op regel { $line }; geef elke keuze een eigen id
check-window-order = het venster van signaal '{ $id }' { $equal ->
        [yes] begint en eindigt op hetzelfde moment ({ $start })
       *[no] eindigt ({ $end }) voor het begint ({ $start })
    }; zet end na start
check-clip-order = de clip van signaal '{ $id }' { $equal ->
        [yes] begint en eindigt op hetzelfde moment ({ $start })
       *[no] eindigt ({ $end }) voor hij begint ({ $start })
    }; zet end na start
check-clip-outside-window = de clip van signaal '{ $id }' ({ $clip-start }–{ $clip-end }) bevat het venster ({ $window-start }–{ $window-end }) niet; laat de clip uiterlijk op { $window-start } beginnen en niet voor { $window-end } eindigen
check-window-past-film = het venster van signaal '{ $id }' eindigt op { $end }, na het eind van de film ({ $duration }); leg het venster binnen de film
check-clip-past-film = de clip van signaal '{ $id }' eindigt op { $end }, na het eind van de film ({ $duration }); de herhaling stopt bij het eind van de film
check-window-overlap = de vensters van de signalen '{ $first }' en '{ $second }' overlappen van { $from } tot { $to }; een pauze daar telt voor één van beide, voor het signaal waarvan het venster het laatst begon
check-question-too-few-choices = de vraag bij signaal '{ $id }' heeft { $count } antwoord(en); geef minstens twee antwoorden
check-question-no-correct = geen antwoord op de vraag bij signaal '{ $id }' is goed; zet correct: true bij het juiste antwoord
check-generic-too-few-choices = de algemene vraag (generic_question) heeft { $count } antwoord(en); geef minstens twee antwoorden
check-decision-too-few-choices = de beslissing heeft { $count } keuze(s); geef minstens twee keuzes
check-decision-none-justified = geen enkele keuze van de beslissing is gerechtvaardigd; zet justified: true bij de juiste keuze
check-feedback-range-order = deze feedbackregel geldt voor min { $min } tot max { $max } herkende signalen, maar min is groter dan max; draai ze om
check-feedback-gap = geen feedback voor { $single ->
        [yes] { $min }
       *[no] { $min } tot en met { $max }
    } herkende signalen bij een { $justified ->
        [true] gerechtvaardigde
       *[false] niet gerechtvaardigde
    } beslissing; voeg een Feedback toe met recognised: (min: { $min }, max: { $max }) en decision_justified: { $justified }
check-combination-unknown-signal = combinatie { $number } noemt signaal '{ $id }', dat niet bestaat; kies uit { $known }
check-combination-too-few-signals = combinatie { $number } noemt { $count } signaal/signalen; een combinatie laat zien hoe signalen samen optellen, dus noem er minstens twee

## Bestanden van het scenario

check-path-absolute = het pad '{ $path }' is absoluut; geef een pad binnen de scenariomap, zoals 'film.webm'
check-path-escapes = het pad '{ $path }' leidt buiten de scenariomap; zet het bestand in de map of een submap en verwijs er relatief naar
check-file-missing = { $kind ->
        [film] de film
       *[subtitle] het ondertitelbestand
    } '{ $path }' is niet gevonden in '{ $folder }'; controleer de naam of zet het bestand in de map
check-duplicate-subtitle-language = er staat al een ondertitelbestand voor taal '{ $language }' op regel { $line }; geef één bestand per taal
check-subtitle-not-webvtt = dit ondertitelbestand begint niet met WEBVTT en is dus geen WebVTT; zet WEBVTT op de eerste regel of exporteer de ondertitels als .vtt
check-subtitle-unreadable = kan het ondertitelbestand niet lezen ({ $reason }); sla het op als UTF-8-tekst
