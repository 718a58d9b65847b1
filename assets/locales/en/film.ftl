# Messages about films: opening, playing, probing and benchmarking.
film-not-found = Film not found: { $path }. Check the path and that the file exists.
film-not-media = { $path } is not a film herken can play. Choose a video file (for example WebM or MP4).
film-no-picture = { $path } has no picture, only sound. Choose a file with video.
film-missing-decoder = Cannot play { $path }: GStreamer lacks the { $codec }. Install the Debian package { $package } (sudo apt-get install { $package }).
film-damaged = { $path } is damaged or incomplete. Copy or download the file again.
film-timed-out = Opening { $path } took longer than { $seconds } seconds. Try again or choose another file.
film-pipeline-failed = GStreamer could not play { $path } (element { $element }). See the log for details.
film-no-audio-device = No audio device found; the film plays without sound.
film-playback-error = Error while playing { $path }: the film stops here.
player-paused = Paused
player-help = Space: pause · arrows: 5 s back/forward · F: full screen · Esc: quit
probe-no-duration = The film states no duration; herken finds the end while playing.
probe-no-audio = The film has no sound.
probe-interlaced = The film is interlaced; herken converts it to progressive.
probe-converted-format = The pixel format { $format } is converted by GStreamer, which costs extra CPU time.
probe-rotated = The film has a rotation tag ({ $rotation }); herken rotates the picture.
