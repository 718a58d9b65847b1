# Messages of `herken check` and of loading scenarios. Each message says what is wrong,
# with the value, and what the author should do.

check-severity-error = error
check-severity-warning = warning

## Files and paths given to `herken check`

check-path-not-found = '{ $path }' does not exist; give a scenario folder or a scenario.ron file
check-no-scenario = the folder '{ $path }' contains no scenario.ron and no subfolder with one; give a scenario folder or the folder above it
check-file-unreadable = failed to read '{ $path }' ({ $reason }); save the file as UTF-8 text

## Errors in the RON notation

check-ron-syntax = invalid RON notation: { $detail }; check the brackets, commas and quotes at and just before this place
scenario-ron-eof = the file ends while something is still open
scenario-ron-expected-comma = a comma belongs here, between two fields or items
scenario-ron-expected-string = text in quotes belongs here
scenario-ron-expected-string-end = a text is not closed with a quote
scenario-ron-expected-closing = a closing bracket belongs here
scenario-ron-expected-list = a list between [ and ] belongs here
scenario-ron-expected-record = a record between ( and ) belongs here
scenario-ron-expected-number = a number belongs here
scenario-ron-expected-boolean = true or false belongs here
scenario-ron-unclosed-comment = a comment opened with /* is not closed with */
scenario-ron-trailing = there is text after the last bracket of the scenario
scenario-ron-unexpected-char = unexpected character '{ $char }'
scenario-ron-wrong-name = { $expected }(…) belongs here instead of { $found }(…)
check-unknown-field = { $record } has no field '{ $found }'{ $suggestion ->
        [none] {""}
       *[other] {" "}(did you mean '{ $suggestion }'?)
    }; allowed fields: { $expected }
check-missing-field = { $record } lacks the required field '{ $field }'; add it
check-duplicate-field = the field '{ $field }' appears twice in { $record }; keep one
check-unknown-variant = '{ $found }' is not a valid value here; choose from { $expected }
check-invalid-type = { $expected } belongs here, but { $found } is written
check-time-format = { $value } is not a valid time; write seconds (42.5) or text such as "0:42.500", "1:02:03.250" or "42.5"

## Content of the scenario

check-id-format = the id '{ $id }' is not kebab-case; use only lowercase letters, digits and single hyphens, such as 'passport-held-by-companion'
check-dutch-text-missing = the Dutch text of { $field } is empty; fill in nl (English is optional and falls back to Dutch)
check-no-signals = the scenario has no signals; add at least one Signal to signals
check-duplicate-signal-id = the signal id '{ $id }' is already used on line { $line }; give each signal its own id
check-duplicate-decision-id = the decision id '{ $id }' is already used on line { $line }; give each choice its own id
check-window-order = the window of signal '{ $id }' { $equal ->
        [yes] starts and ends at the same moment ({ $start })
       *[no] ends ({ $end }) before it starts ({ $start })
    }; set end after start
check-clip-order = the clip of signal '{ $id }' { $equal ->
        [yes] starts and ends at the same moment ({ $start })
       *[no] ends ({ $end }) before it starts ({ $start })
    }; set end after start
check-clip-outside-window = the clip of signal '{ $id }' ({ $clip-start }–{ $clip-end }) does not contain its window ({ $window-start }–{ $window-end }); start the clip at { $window-start } or earlier and end it at { $window-end } or later
check-window-past-film = the window of signal '{ $id }' ends at { $end }, after the end of the film ({ $duration }); place the window inside the film
check-clip-past-film = the clip of signal '{ $id }' ends at { $end }, after the end of the film ({ $duration }); the replay stops at the end of the film
check-window-overlap = the windows of signals '{ $first }' and '{ $second }' overlap from { $from } to { $to }; a pause there counts for one of them, the signal whose window started last
check-question-too-few-choices = the question of signal '{ $id }' has { $count } choice(s); give at least two choices
check-question-no-correct = no choice of the question of signal '{ $id }' is correct; set correct: true on the right choice
check-generic-too-few-choices = the generic question (generic_question) has { $count } choice(s); give at least two choices
check-decision-too-few-choices = the decision has { $count } choice(s); give at least two choices
check-decision-none-justified = no choice of the decision is justified; set justified: true on the right choice
check-feedback-range-order = this feedback rule applies from min { $min } to max { $max } recognised signals, but min is greater than max; swap them
check-feedback-gap = no feedback for { $single ->
        [yes] { $min }
       *[no] { $min } to { $max }
    } recognised signals with a { $justified ->
        [true] justified
       *[false] unjustified
    } decision; add a Feedback with recognised: (min: { $min }, max: { $max }) and decision_justified: { $justified }
check-combination-unknown-signal = combination { $number } names signal '{ $id }', which does not exist; choose from { $known }
check-combination-too-few-signals = combination { $number } names { $count } signal(s); a combination shows how signals add up, so name at least two

## Files of the scenario

check-path-absolute = the path '{ $path }' is absolute; give a path inside the scenario folder, such as 'film.webm'
check-path-escapes = the path '{ $path }' leads out of the scenario folder; put the file in the folder or a subfolder and refer to it relatively
check-file-missing = { $kind ->
        [film] the film
       *[subtitle] the subtitle file
    } '{ $path }' is not found in '{ $folder }'; check the name or put the file in the folder
check-duplicate-subtitle-language = a subtitle file for language '{ $language }' is already given on line { $line }; give one file per language
check-subtitle-not-webvtt = this subtitle file does not start with WEBVTT, so it is not WebVTT; put WEBVTT on the first line or export the subtitles as .vtt
check-subtitle-unreadable = failed to read the subtitle file ({ $reason }); save it as UTF-8 text
