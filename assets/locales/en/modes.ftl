# The kiosk and the classroom: attract screen, idle countdown, PIN, group timeline.
modes-attract-title = Recognise signals of human trafficking
modes-attract-touch = Touch the screen to begin
modes-idle-question = Are you still there?
modes-idle-countdown = The screen starts over in { $seconds } seconds.
modes-idle-still-here = I am still here
modes-pin-title = Enter the PIN
modes-pin-clear = Clear
modes-pin-ok = OK
modes-pin-cancel = Cancel
modes-pin-wrong = Wrong PIN. { $tries } { $tries ->
    [one] try
   *[other] tries
} left.
modes-pin-locked = Too many wrong PINs. Try again in { $seconds } seconds.
modes-pin-none = No PIN is set. Set modes.kiosk.pin in the settings file.
modes-group-pauses = The group's pauses
modes-heat-title = Where { $count } earlier { $count ->
    [one] learner
   *[other] learners
} paused
modes-heat-none = No finished self-study sessions for this scenario yet
