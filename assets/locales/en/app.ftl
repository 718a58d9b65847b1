app-title = herken
