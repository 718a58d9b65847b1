# Messages about films: opening, playing, probing and benchmarking.
film-not-found = Film niet gevonden: { $path }. Controleer het pad en of het bestand bestaat.
film-not-media = { $path } is geen film die herken kan afspelen. Kies een videobestand (bijvoorbeeld WebM of MP4).
film-no-picture = { $path } bevat geen beeld, alleen geluid. Kies een bestand met video.
film-missing-decoder = Kan { $path } niet afspelen: GStreamer mist de { $codec }. Installeer het Debian-pakket { $package } (sudo apt-get install { $package }).
film-damaged = { $path } is beschadigd of onvolledig. Kopieer of download het bestand opnieuw.
film-timed-out = Het openen van { $path } duurde langer dan { $seconds } seconden. Probeer het opnieuw of kies een ander bestand.
film-pipeline-failed = GStreamer kon { $path } niet afspelen (onderdeel { $element }). Zie het logboek voor details.
film-no-audio-device = Geen geluidsapparaat gevonden; de film speelt zonder geluid.
film-playback-error = Fout tijdens het afspelen van { $path }: de film stopt hier.
player-paused = Gepauzeerd
player-help = Spatie: pauze · pijltjes: 5 s terug/vooruit · F: volledig scherm · Esc: stoppen
probe-no-duration = De film vermeldt geen duur; herken bepaalt het einde tijdens het afspelen.
probe-no-audio = De film heeft geen geluid.
probe-interlaced = De film is geïnterlinieerd; herken zet hem om naar progressief beeld.
probe-converted-format = Het beeldformaat { $format } wordt door GStreamer omgezet; dat kost extra rekentijd.
probe-rotated = De film heeft een rotatielabel ({ $rotation }); herken draait het beeld.
