# De kiosk en het klaslokaal: aantrekscherm, aftellen bij stilstand, pincode, groepstijdlijn.
modes-attract-title = Herken signalen van mensenhandel
modes-attract-touch = Raak het scherm aan om te beginnen
modes-idle-question = Ben je er nog?
modes-idle-countdown = Over { $seconds } seconden begint het scherm opnieuw.
modes-idle-still-here = Ik ben er nog
modes-pin-title = Voer de pincode in
modes-pin-clear = Wis
modes-pin-ok = OK
modes-pin-cancel = Annuleer
modes-pin-wrong = Onjuiste pincode. Nog { $tries } { $tries ->
    [one] poging
   *[other] pogingen
}.
modes-pin-locked = Te vaak een onjuiste pincode. Probeer het over { $seconds } seconden opnieuw.
modes-pin-none = Er is geen pincode ingesteld. Stel modes.kiosk.pin in het instellingenbestand in.
modes-group-pauses = Pauzes van de groep
modes-heat-title = Waar { $count } eerdere { $count ->
    [one] leerling
   *[other] leerlingen
} pauzeerden
modes-heat-none = Nog geen afgeronde zelfstudiesessies voor dit scenario
